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

describe('npm run ingest on saved pages of each platform (tests/fixtures/captures/)', () => {
  const captures = 'tests/fixtures/captures';
  for (const name of readdirSync(captures)) {
    test(`${name}: one run, no flag but the event, gives a draft that passes check --fix; the capture and its notes are kept`, () => {
      const dir = content();
      const [eventId] = Object.keys(events(dir));
      const html = name.endsWith('.html');
      const { status, output } = run('ingest', [join(captures, name), '--event', eventId!, ...(html ? [] : ['--author', 'Ada Example', '--url', 'https://blog.example/harbor/'])], dir);
      assert.equal(status, 0, output);
      assert.doesNotMatch(output, /Still to do/, 'nothing left for the check but the summary and topics a draft may lack');
      const id = 'three-days-at-harbor-summit-2025';
      const draft = readFileSync(join(dir, 'reports', `${id}.mdx`), 'utf8');
      assert.match(draft, /^author: ada-example$/m, 'the author from the page');
      const notes = yaml.load(readFileSync(join(dir, 'sources', `${id}.yaml`), 'utf8')) as { removed: string[]; converted?: string[] };
      // Kept under its kind, so the fidelity test reads it by its parser.
      assert.ok(existsSync(join(dir, 'sources', `${id}.${html ? 'html' : name.endsWith('.md') ? 'md' : 'txt'}`)), 'the capture is kept as it was');
      if (!html) return;
      assert.match(output, /^Kept \d+ blocks, converted [23] blocks, removed \d+ lines of page chrome \(all listed in /m);
      assert.match(draft, /^source:\n {2}url: https:\/\/[^\n]+\n {2}site: .+$/m, 'the address and site from the page');
      if (name !== 'reader-view.html') assert.match(draft, /^published: "2025-03-09"$/m, 'the date from the page');
      assert.ok(notes.removed.length >= 2 && notes.converted?.some((line) => line.startsWith('[iframe]')), 'chrome and conversions listed in the sidecar');
      assert.deepEqual(checkContent({ dir }).problems.filter((p) => p.file.includes(id) && !/TODO|topics/.test(p.message)), [], 'the check has nothing to say but the summary');
    });
  }

  test('with no address anywhere, the report says it is unknown instead of inventing one', () => {
    const dir = content();
    const [eventId] = Object.keys(events(dir));
    const path = join(dir, '..', `${dir.split('/').pop()}-bare.html`);
    made.push(path);
    writeFileSync(path, '<html><body><article><h1>A bare page</h1><p>One sentence by the author.</p><p>Another sentence by the author.</p></article></body></html>');
    const { status, output } = run('ingest', [path, '--event', eventId!, '--author', 'Ada Example'], dir);
    assert.equal(status, 0, output);
    assert.match(output, /No address of the original post anywhere/);
    const draft = readFileSync(join(dir, 'reports', 'a-bare-page.mdx'), 'utf8');
    assert.match(draft, /^source:\n {2}site: a site the capture does not name$/m);
    assert.doesNotMatch(draft, /url:/);
  });
});

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
    assert.match(run('ingest', [path, '--author', 'Ada', '--url', 'blog.example/x'], dir).output, /--url: expected the original post's http\(s\) address/);
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
    assert.match(checked.output, new RegExp(`^reports/${file}:\\d+: tools: expected exactly the tools the text mentions, found "`, 'm'));
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

describe('what the commands write reads back as written', () => {
  const series = (dir: string) => Object.values(events(dir))[0]!.series;
  const long = `The ${'very '.repeat(45)}long conference name`;
  const tricky = 'Notes: "quoted", it\'s #1 - & more: yes';

  test('a value of over 200 characters stays on its line; quotes, colons and hashes round-trip through the check', () => {
    assert.ok(long.length > 200);
    const dir = content();
    const city = `Port ${'Longname '.repeat(10)}upon Sea`;
    const { status, output } = run('new-report', ['--new-event', 'madeup-2040', '--name', long, '--short-name', tricky, '--series', series(dir), '--city', city, '--country', 'U: "V"', '--start', '2040-02-01', '--end', '2040-02-02', '--author', 'Ada "the first": O\'Brien', '--title', tricky], dir);
    assert.equal(status, 0, output);
    const text = readFileSync(join(dir, 'events.yaml'), 'utf8');
    assert.ok(text.split('\n').includes(`  name: ${long}`), 'the long name is on one line');
    assert.deepEqual({ ...events(dir)['madeup-2040'] }, { ...events(dir)['madeup-2040'], name: long, shortName: tricky, city, country: 'U: "V"' });
    const people = yaml.load(readFileSync(join(dir, 'people.yaml'), 'utf8')) as Record<string, { name: string }>;
    assert.equal(people['ada-the-first-o-brien']?.name, 'Ada "the first": O\'Brien');
    const report = join(dir, 'reports', 'notes-quoted-it-s-1-more-yes.mdx');
    assert.equal((yaml.load(readFileSync(report, 'utf8').split('---\n')[1]!) as { title: string }).title, tricky);
    assert.deepEqual(checkContent({ dir }).problems, []);
    // --fix writes the long city back on one line when the report lacks it.
    writeFileSync(report, readFileSync(report, 'utf8').replace(/^city: .*\n/m, ''));
    assert.equal(run('check', ['--fix'], dir).status, 0);
    assert.deepEqual(checkContent({ dir }).problems, []);
  });

  test('npm run new-event adds only the event, after every byte that was there', () => {
    const dir = content();
    const before = snapshot(dir);
    const text = readFileSync(join(dir, 'events.yaml'), 'utf8');
    const { status, output } = run('new-event', ['--id', 'madeup-2041', '--name', long, '--short-name', tricky, '--series', series(dir), '--city', 'Nowhere', '--country', 'Utopia', '--start', '2041-03-01', '--end', '2041-03-03', '--url', 'https://madeup.example/2041/', '--summary', tricky], dir);
    assert.equal(status, 0, output);
    assert.equal(output.trim(), 'Added the event madeup-2041 to events.yaml (at the end). Reports can name it now: npm run new-report -- --event madeup-2041');
    const after = readFileSync(join(dir, 'events.yaml'), 'utf8');
    assert.ok(after.startsWith(text), 'every byte before the new entry is kept');
    assert.deepEqual(events(dir)['madeup-2041'], { name: long, shortName: tricky, series: series(dir), year: 2041, city: 'Nowhere', country: 'Utopia', start: '2041-03-01', end: '2041-03-03', url: 'https://madeup.example/2041/', summary: tricky });
    assert.deepEqual(Object.keys(snapshot(dir)), Object.keys(before), 'no other file');
    assert.deepEqual(checkContent({ dir }).problems, []);
  });

  test('a line break or a control character in a one-line value is refused before anything is written', () => {
    const dir = content();
    const before = snapshot(dir);
    const id = Object.keys(events(dir))[0]!;
    const cases: [string, string[], string][] = [
      ['new-report', ['--event', id, '--author', 'Ada', '--title', 'Two\nlines'], 'new-report: --title: expected one line of text, found a line break after "Two"; write it on one line'],
      ['new-report', ['--event', id, '--author', 'Ada\nLovelace', '--title', 'T'], 'new-report: --author: expected one line of text, found a line break after "Ada"; write it on one line'],
      ['new-report', ['--event', id, '--author', 'Ada\u0007', '--title', 'T'], 'new-report: --author: expected text without control characters, found U+0007 at character 4; remove it (it is invisible, but not to a search)'],
      ['new-event', ['--id', 'madeup-2042', '--series', series(dir), '--name', 'A\tB'], 'new-event: --name: expected one line of text without tabs, found a tab (U+0009) at character 2; use a space'],
      ['new-event', ['--id', 'madeup-2042', '--series', series(dir), '--name', 'A', '--short-name', 'A', '--city', 'C\u2028D'], 'new-event: --city: expected one line of text, found a line break after "C"; write it on one line'],
    ];
    for (const [script, args, message] of cases) {
      const { status, output } = run(script, args, dir);
      assert.equal(status, 1, output);
      assert.equal(output.trim(), message);
    }
    assert.deepEqual(snapshot(dir), before);
  });

  test('what does not read back as written is undone: every file as it was, the problems printed', () => {
    const dir = content();
    // people.yaml written as one JSON object is valid YAML, but an entry appended after it is not.
    writeFileSync(join(dir, 'people.yaml'), JSON.stringify(yaml.load(readFileSync(join(dir, 'people.yaml'), 'utf8'))));
    const before = snapshot(dir);
    const { status, output } = run('new-report', ['--event', Object.keys(events(dir))[0]!, '--author', 'Ada Newcomer', '--title', 'Undone'], dir);
    assert.equal(status, 1);
    const lines = output.trim().split('\n');
    assert.match(lines[0]!, /^Content check failed \(\d+ problems\):$/);
    assert.ok(lines.includes('people.yaml: ada-newcomer: expected to read back {"name":"Ada Newcomer"}, found undefined'), output);
    assert.ok(lines.some((l) => /^people\.yaml:3: \(yaml\): expected valid YAML, found an error: /.test(l)), output);
    assert.equal(lines.at(-1), 'What this command wrote did not read back as meant, so every file is back as it was (nothing new is left). Add the entry by hand instead, and tell the maintainers, with the values you gave.');
    assert.deepEqual(snapshot(dir), before);
  });
});
