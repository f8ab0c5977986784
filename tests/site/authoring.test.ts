/**
 * `npm run ingest` and `npm run new-report` as an author runs them, on a temporary copy of the
 * fixture corpus: what they write, what they refuse, and that they never overwrite a file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import yaml from 'js-yaml';
import { checkContent } from '../../src/check/index.ts';
import { FIXTURE_CONTENT } from '../helpers/builds.ts';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh copy of the fixture corpus. */
function content(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-authoring-'));
  made.push(dir);
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  return dir;
}
const run = (script: string, args: string[], dir: string) => {
  const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { encoding: 'utf8', input: '', env: { ...process.env, CONTENT_DIR: dir } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replaceAll(`${dir}/`, '') };
};
/** Every file of `dir` with its bytes, to prove nothing changed. */
const snapshot = (dir: string) =>
  Object.fromEntries((readdirSync(dir, { recursive: true }) as string[]).sort().filter((f) => !f.endsWith('/')).map((f) => {
    try {
      return [f, readFileSync(join(dir, f)).toString('base64')];
    } catch {
      return [f, 'dir'];
    }
  }));

const events = (dir: string) => yaml.load(readFileSync(join(dir, 'events.yaml'), 'utf8')) as Record<string, { name: string; year: number; city: string; series: string }>;

describe('npm run ingest', () => {
  const capture = (dir: string, event: { name: string }) => {
    const path = join(dir, '..', `${dir.split('/').pop()}-capture.txt`);
    made.push(path);
    writeFileSync(path, `Accept all cookies\nA day at ${event.name}\nWe watched the ${event.name} keynote.\nWhat we learned\nSmall steps win.\nShare this post\n`);
    return path;
  };

  test('writes a draft that passes the check, keeps the capture and lists the removed lines', () => {
    const dir = content();
    const [id, event] = Object.entries(events(dir))[0]!;
    const { status, output } = run('ingest', [capture(dir, event), '--author', 'Ada Example', '--url', 'https://blog.example/day/'], dir);
    assert.equal(status, 0, output);
    assert.match(output, new RegExp(`Guessed the event: ${id}`));
    assert.match(output, /- "Accept all cookies"  \(a cookie or consent banner\)/);
    assert.match(output, /- "Share this post"  \(a share button\)/);
    const reportId = `a-day-at-${event.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.replace(/-+$/, '');
    const draft = readFileSync(join(dir, 'reports', `${reportId}.mdx`), 'utf8');
    assert.match(draft, new RegExp(`^event: ${id}$\\n^year: ${event.year}$\\n^city: ${event.city}$`, 'm'), 'year and city come from the event');
    assert.match(draft, /^draft: true$/m);
    assert.match(draft, /^## What we learned$/m);
    assert.doesNotMatch(draft, /cookies|Share this post/);
    assert.ok(existsSync(join(dir, 'sources', `${reportId}.txt`)));
    assert.deepEqual((yaml.load(readFileSync(join(dir, 'sources', `${reportId}.yaml`), 'utf8')) as { removed: string[] }).removed, ['Accept all cookies', `A day at ${event.name}`, 'Share this post']);
    assert.deepEqual(checkContent({ dir }).problems.filter((p) => p.field !== 'summary'), []);
  });

  test('refuses to overwrite: nothing in the content folder changes', () => {
    const dir = content();
    const event = Object.values(events(dir))[0]!;
    const path = capture(dir, event);
    const existing = readdirSync(join(dir, 'reports'))[0]!.replace(/\.mdx$/, '');
    const before = snapshot(dir);
    const { status, output } = run('ingest', [path, '--author', 'Ada', '--url', 'https://blog.example/x/', '--id', existing], dir);
    assert.notEqual(status, 0);
    assert.match(output, new RegExp(`reports/${existing}\\.mdx: \\(file\\): expected a new file, found one already there.*; nothing was written`));
    assert.deepEqual(snapshot(dir), before);
  });

  test('refuses a capture that is not UTF-8, saying where', () => {
    const dir = content();
    const path = join(dir, '..', 'latin1-capture.txt');
    made.push(path);
    writeFileSync(path, Buffer.from('A line.\nCaf\u00e9 au lait.\n', 'latin1'));
    const { status, output } = run('ingest', [path, '--author', 'Ada', '--url', 'https://blog.example/x/'], dir);
    assert.notEqual(status, 0);
    assert.match(output, /latin1-capture\.txt:2: \(encoding\): expected UTF-8 text, found the byte 0xE9 at column 4/);
  });

  test('asks for what it cannot guess, naming the flag', () => {
    const dir = content();
    const path = join(dir, '..', 'vague-capture.txt');
    made.push(path);
    writeFileSync(path, 'A quiet week.\nNothing names an event here.\n');
    assert.match(run('ingest', [path, '--url', 'https://blog.example/x/'], dir).output, /--author: expected the name of the post's author, found nothing/);
    assert.match(run('ingest', [path, '--author', 'Ada'], dir).output, /--url: expected the original post's http\(s\) address/);
    assert.match(run('ingest', [path, '--author', 'Ada', '--url', 'https://blog.example/x/', '--title', 'Quiet'], dir).output, /--event: expected the event the post covers/);
  });
});

describe('npm run new-report', () => {
  test('for an existing event: a draft with year and city from the event, and a skeleton', () => {
    const dir = content();
    const [id, event] = Object.entries(events(dir))[0]!;
    const { status, output } = run('new-report', ['--event', id, '--author', 'Ada Example', '--title', 'Our own notes'], dir);
    assert.equal(status, 0, output);
    const draft = readFileSync(join(dir, 'reports', 'our-own-notes.mdx'), 'utf8');
    assert.match(draft, new RegExp(`^year: ${event.year}$\\n^city: ${event.city}$`, 'm'));
    assert.doesNotMatch(draft, /^source:/m, 'a first-hand report has no source');
    assert.match(output, /Next:\n {2}1\. Edit/);
  });

  test('with a new event: appended to events.yaml (nothing else changes), and the report uses it', () => {
    const dir = content();
    const before = readFileSync(join(dir, 'events.yaml'), 'utf8');
    const series = Object.values(events(dir))[0]!.series;
    const { status, output } = run('new-report', ['--new-event', 'madeup-2040', '--name', 'Madeup Conf 2040', '--short-name', 'Madeup 2040', '--series', series, '--city', 'Nowhere', '--country', 'Utopia', '--start', '2040-02-01', '--end', '2040-02-02', '--author', 'Ada', '--title', 'Madeup notes'], dir);
    assert.equal(status, 0, output);
    const after = readFileSync(join(dir, 'events.yaml'), 'utf8');
    assert.ok(after.startsWith(before), 'the existing entries are untouched');
    assert.deepEqual(events(dir)['madeup-2040'], { ...events(dir)['madeup-2040'], name: 'Madeup Conf 2040', year: 2040, city: 'Nowhere' });
    assert.match(readFileSync(join(dir, 'reports', 'madeup-notes.mdx'), 'utf8'), /^event: madeup-2040$/m);
    assert.deepEqual(checkContent({ dir }).problems, []);
  });

  test('refuses a bad new event before writing anything', () => {
    const dir = content();
    const before = snapshot(dir);
    const series = Object.values(events(dir))[0]!.series;
    const base = ['--new-event', 'madeup-2040', '--name', 'M', '--short-name', 'M', '--series', series, '--city', 'C', '--country', 'U', '--author', 'Ada', '--title', 'T'];
    assert.match(run('new-report', [...base, '--start', '2040-02-30', '--end', '2040-03-01'], dir).output, /events\.yaml: madeup-2040\.start: expected a real calendar date YYYY-MM-DD, found "2040-02-30"/);
    assert.match(run('new-report', [...base, '--start', '2040-03-02', '--end', '2040-03-01'], dir).output, /madeup-2040\.end: expected a day on or after the start \("2040-03-02"\), found "2040-03-01"/);
    assert.match(run('new-report', [...base.map((a) => (a === series ? `${series}x` : a)), '--start', '2040-03-01', '--end', '2040-03-01'], dir).output, new RegExp(`taxonomy\\.yaml: series: expected one of .*, found "${series}x"; did you mean "${series}"\\?`));
    assert.deepEqual(snapshot(dir), before);
  });

  test('without a terminal, a missing flag is named; an unknown event gets the nearest id', () => {
    const dir = content();
    const id = Object.keys(events(dir))[0]!;
    assert.match(run('new-report', ['--title', 'T'], dir).output, /new-report: --event: expected the event, an id from content\/events\.yaml, found nothing \(not in a terminal/);
    assert.match(run('new-report', ['--event', `${id}x`, '--author', 'A', '--title', 'T'], dir).output, new RegExp(`new-report: event: expected an id from events\\.yaml, found "${id}x"; did you mean "${id}"\\?`));
  });

  test('refuses to overwrite an existing report', () => {
    const dir = content();
    const id = Object.keys(events(dir))[0]!;
    const existing = readdirSync(join(dir, 'reports'))[0]!.replace(/\.mdx$/, '');
    const before = snapshot(dir);
    const { status, output } = run('new-report', ['--event', id, '--author', 'A', '--title', 'T', '--id', existing], dir);
    assert.notEqual(status, 0);
    assert.match(output, /expected a new file, found one already there; nothing was written/);
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('npm run check', () => {
  test('lists every problem in our format with the heading ids, and exits 1; --fix writes, and a second --fix changes nothing', () => {
    const dir = content();
    const file = readdirSync(join(dir, 'reports')).sort()[0]!;
    const path = join(dir, 'reports', file);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(/^tools: \[.*\]$/m, 'tools: []').replace(/^year: (\d+)$/m, (_, y: string) => `year: ${Number(y) + 1}`));

    const checked = run('check', [], dir);
    assert.equal(checked.status, 1);
    assert.match(checked.output, new RegExp(`^reports/${file}:\\d+: year: expected \\d{4} \\(the year of [a-z0-9-]+\\), found \\d{4}$`, 'm'));
    assert.match(checked.output, new RegExp(`^reports/${file}:\\d+: tools: expected exactly the tools the text mentions: add "`, 'm'));
    assert.match(checked.output, new RegExp(`^reports/${file}: its heading ids \\(for topics\\[\\]\\.sections and talks\\[\\]\\.sections\\):$`, 'm'));
    assert.match(checked.output, /^2 problems in 1 file \(.*\)\. `npm run check -- --fix` writes tools, year, city and section ids for you\.$/m);
    assert.doesNotMatch(checked.output, /\n\s+at |Error:/, 'no stack trace');

    const fixed = run('check', ['--fix'], dir);
    assert.equal(fixed.status, 0, fixed.output);
    assert.match(fixed.output, new RegExp(`^fixed reports/${file}:\\d+: year: `, 'm'));
    assert.equal(readFileSync(path, 'utf8'), original, 'fixing gives back exactly the original file');
    const again = run('check', ['--fix'], dir);
    assert.equal(again.status, 0);
    assert.match(again.output, /^--fix: nothing to change$/m);
    assert.match(again.output, /^✓ \d+ reports, \d+ events, \d+ tools, \d+ topics, \d+ people, \d+ talks: no problems/m);
  });
});
