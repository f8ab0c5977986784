import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';
import { writeCorpus } from '../../scripts/bench/corpus.ts';

const root = mkdtempSync(join(tmpdir(), 'bench-corpus-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

const files = (dir: string) => {
  const all = ['taxonomy.yaml', 'events.yaml', 'tools.yaml', 'topics.yaml', 'people.yaml', 'talks.yaml', ...readdirSync(join(dir, 'reports')).sort().map((f) => join('reports', f))];
  return Object.fromEntries(all.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
};

describe('the benchmark corpus generator', () => {
  const a = join(root, 'a'), b = join(root, 'b'), c = join(root, 'c');
  writeCorpus({ n: 30, seed: 7, out: a });
  writeCorpus({ n: 30, seed: 7, out: b });
  writeCorpus({ n: 30, seed: 8, out: c });

  test('the same seed gives byte-identical files', () => assert.deepEqual(files(a), files(b)));
  test('a different seed gives different files', () => assert.notDeepEqual(files(a), files(c)));
  test('a 30-report corpus passes the check with no problems', () => {
    const { problems, reports } = checkContent({ dir: a });
    assert.deepEqual(problems, []);
    assert.equal(reports.length, 30);
  });
  test('tool mentions are spread: the most-mentioned tool is in more reports than the median tool', () => {
    const counts = new Map<string, number>();
    for (const text of Object.values(files(a))) {
      const m = /^tools: \[(.*)\]$/m.exec(text);
      for (const id of m?.[1]?.split(', ').filter(Boolean) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const tools = [...readFileSync(join(a, 'tools.yaml'), 'utf8').matchAll(/^([a-z0-9-]+):$/gm)].map((m) => counts.get(m[1]!) ?? 0).sort((x, y) => x - y);
    assert.ok(tools.at(-1)! > tools[Math.floor(tools.length / 2)]!, `max ${tools.at(-1)} vs median ${tools[Math.floor(tools.length / 2)]}`);
  });

  test('every event has a programme, a keynote first, whose speakers are people', () => {
    const { talks, events, people } = checkContent({ dir: a });
    const ids = new Set(people.map((p) => p.id));
    for (const event of events) {
      const programme = talks.filter((t) => t.event === event.id);
      assert.ok(programme.length >= 5, `${event.id} has ${programme.length} talks`);
      assert.equal(programme[0]!.kind, 'keynote');
    }
    assert.ok(talks.every((t) => t.speakers.length > 0 && t.speakers.every((s) => ids.has(s))));
    const { reports } = checkContent({ dir: a });
    const active = new Set([...talks.flatMap((t) => t.speakers), ...reports.map((r) => r.data!.author.id)]);
    assert.deepEqual([...ids].filter((id) => !active.has(id)), [], 'people.yaml lists only authors and speakers');
  });
  test('talk coverage is skewed: keynotes are discussed by many reports, most discussed talks by one or two', () => {
    const { reports, talks } = checkContent({ dir: a });
    const counts = new Map<string, number>();
    for (const r of reports) for (const t of r.data?.talks ?? []) counts.set(t.talk.id, (counts.get(t.talk.id) ?? 0) + 1);
    const kind = new Map(talks.map((t) => [t.id, t.kind]));
    const [top, topCount] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
    assert.equal(kind.get(top), 'keynote');
    assert.ok(topCount >= 4, `the most discussed talk has ${topCount} reports`);
    const others = [...counts].filter(([id]) => kind.get(id) !== 'keynote').map(([, c]) => c);
    assert.ok(others.length >= 10, `${others.length} other talks discussed`);
    assert.ok(others.filter((c) => c <= 2).length / others.length >= 0.8, `coverage of the other talks: ${others.join(', ')}`);
  });
});
