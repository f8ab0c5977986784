/**
 * Files as people's machines leave them: saved by Windows editors (CRLF, a byte-order mark, mixed
 * endings), editor and OS litter beside the reports, and links in the content folder. The check
 * reads them all without a stack trace, reads Windows files exactly as their LF copies, `--fix`
 * keeps a file's own endings, and no message ever shows a byte of a file outside the content folder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';
import { fixReports } from '../../src/check/fix.ts';
import { edit, normalized } from '../../src/lib/line-endings.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { readText } from '../../src/lib/source-text.ts';
import { Change } from '../../src/authoring/writes.ts';
import { reportRenderer } from '../../src/markdown/renderer.ts';
import { corpus, files, report } from '../helpers/corpus.ts';
import { FIXTURE_CONTENT } from '../helpers/builds.ts';
import { fileProblem } from '../../src/paths.ts';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const keep = (dir: string) => (made.push(dir), dir);

/** Every problem of the content folder `dir`, as printed, the folder shown as <dir>. */
const problemsOf = (dir: string) => sortProblems(checkContent({ dir }).problems).map((p) => formatProblem(p).replaceAll(dir, '<dir>'));

const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

/** A copy of the content folder `from` with every text file passed through `save`. */
function copyWith(from: string, save: (text: string) => string): string {
  const dir = keep(mkdtempSync(join(tmpdir(), 'hallway-inputs-')));
  cpSync(from, dir, { recursive: true });
  // Text files as an editor saves them; photos are bytes no editor rewrites.
  for (const file of walk(dir).filter((f) => /\.(mdx|ya?ml|txt|md|html?)$/i.test(f))) writeFileSync(file, save(readFileSync(file, 'utf8')));
  return dir;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
/** Every other line ending CRLF, the rest LF. */
const mixed = (text: string) => {
  let n = 0;
  return text.replace(/\n/g, () => (n++ % 2 ? '\r\n' : '\n'));
};
const savers: [string, (text: string) => string][] = [
  ['CRLF', crlf],
  ['a BOM and CRLF', (text) => `\uFEFF${crlf(text)}`],
  ['a BOM alone', (text) => `\uFEFF${text}`],
  ['mixed endings (every other line CRLF)', mixed],
];

describe('files saved by Windows editors read exactly as their LF copies', () => {
  const original = checkContent({ dir: FIXTURE_CONTENT });
  const renderer = reportRenderer({ tools: original.tools, base: '/' });
  /** What a page is made of: each report's frontmatter data, the pipeline's record, and the rendered body. */
  const pagesOf = (result: typeof original) =>
    Object.fromEntries(result.reports.map((r) => [r.id, { data: r.data, record: r.record, html: renderer.body({ file: r.file, body: r.parts.body }).html }]));
  const expected = pagesOf(original);

  test('the fixture corpus itself is sound (so the comparisons below compare something)', () => {
    assert.deepEqual(original.problems.map(formatProblem), []);
    assert.ok(original.reports.length >= 4 && Object.values(expected).every((page) => page.html && page.record && page.data));
  });

  for (const [name, save] of savers) {
    test(`every fixture report, registry and kept capture saved with ${name}: no problems, the same data, record and HTML`, () => {
      const dir = copyWith(FIXTURE_CONTENT, save);
      assert.ok(readFileSync(join(dir, 'reports', readdirSync(join(dir, 'reports'))[0]!), 'utf8').includes(save === savers[2]![1] ? '\uFEFF' : '\r\n'), 'the copy is saved that way');
      const result = checkContent({ dir });
      assert.deepEqual(result.problems.map(formatProblem), []);
      assert.deepEqual(pagesOf(result), expected);
      assert.deepEqual([result.events, result.tools, result.topics, result.people, result.talks, result.taxonomy], [original.events, original.tools, original.topics, original.people, original.talks, original.taxonomy]);
    });
  }

  test('a capture for ingest reads the same whatever its endings (CR alone too)', () => {
    assert.equal(readText(Buffer.from('\uFEFFTitle\r\n\r\nOne.\rTwo.\nThree.\r\n'), 'capture.txt').text, 'Title\n\nOne.\nTwo.\nThree.\n');
  });

  test('a problem in a CRLF file is found on the same line as in its LF copy', () => {
    const broken = (text: string) => text.replace('event: devconf-2031', 'event: devconf-2013').replace('We went', '{x} We went');
    const lf = problemsOf(keep(corpus({ [report]: broken })));
    assert.equal(lf.length, 2);
    assert.deepEqual(problemsOf(keep(corpus({ [report]: (t) => `\uFEFF${crlf(broken(t))}` }))), lf);
  });
});

describe('--fix keeps the file as it was saved: its line endings, its BOM, every line it does not change', () => {
  const stale = (text: string) => text.replace('year: 2031\n', '').replace('tools: [bat, quiver]', 'tools: [bat]').replace('sections: [packaging-talks]', 'sections: [Packaging talks]');

  /** The report of a corpus saved with `save`, after --fix; and the same for the LF copy. */
  const fixed = (save: (text: string) => string) => {
    const dir = keep(corpus({ [report]: (t) => save(stale(t)) }));
    const changes = fixReports(checkContent({ dir }));
    assert.equal(changes.length, 3, changes.join('\n'));
    assert.deepEqual(problemsOf(dir), [], 'the fixed file checks clean');
    return readFileSync(join(dir, report), 'utf8');
  };
  const lf = fixed((t) => t);

  test('a CRLF file with a BOM stays CRLF with its BOM, and reads as the LF file fixed', () => {
    const text = fixed((t) => `\uFEFF${crlf(t)}`);
    assert.ok(text.startsWith('\uFEFF---\r\n'));
    assert.doesNotMatch(text, /[^\r]\n/, 'every line ends in CRLF');
    assert.equal(normalized(text), lf);
  });

  test('in a file of mixed endings, each line it does not change keeps its own ending', () => {
    const text = fixed(mixed);
    assert.equal(normalized(text), lf);
    const before = mixed(stale(files[report]!)).split('\n');
    const after = text.split('\n');
    const untouched = before.filter((line) => !/^(year|tools|    sections: \[Packaging)/.test(line));
    for (const line of untouched) assert.ok(after.includes(line), `the line ${JSON.stringify(line)} is kept byte for byte`);
  });

  test('a person appended to a CRLF people.yaml with a BOM (ingest, new-report): all of it CRLF, the BOM kept, and it checks clean', () => {
    const dir = keep(corpus({ 'people.yaml': (t) => `\uFEFF${crlf(t)}` }));
    const file = join(dir, 'people.yaml');
    const before = readFileSync(file, 'utf8');
    new Change().append(file, 'cy-newcomer:\n  name: Cy Newcomer\n', {});
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith(before), 'what was there is kept byte for byte');
    assert.equal(text.slice(before.length), '\r\ncy-newcomer:\r\n  name: Cy Newcomer\r\n');
    assert.deepEqual(problemsOf(dir), []);
    assert.ok(checkContent({ dir }).people.some((p) => p.id === 'cy-newcomer'));
  });

  test('an edit takes the most common line ending of the file for the lines it adds', () => {
    assert.equal(edit('\uFEFFx\r\ny\r\nz', [{ start: 2, end: 3, text: 'Y\nY2' }]), '\uFEFFx\r\nY\r\nY2\r\nz');
    assert.equal(edit('a\nb\r\nc\r\n', [{ start: 6, end: 6, text: 'd\n' }]), 'a\nb\r\nc\r\nd\r\n');
    assert.equal(edit('a\nb\nc\r\n', [{ start: 6, end: 6, text: 'd\n' }]), 'a\nb\nc\r\nd\n');
  });
});

describe('editor and OS litter in the reports and sources folders is ignored', () => {
  const litter = ['.DS_Store', 'Thumbs.db', 'desktop.ini', '.x.mdx.swp', '.x.mdx.swo', 'x.mdx.swp', 'x.mdx~', 'x.mdx.bak', 'x.mdx.tmp', '#x.mdx#', '.hidden.mdx'];

  test('litter files, and an editor lock file that is a link to nothing, give no problem', () => {
    const dir = keep(corpus({ 'sources/first-visit.txt': 'We went to the conference.\n' }));
    for (const folder of ['reports', 'sources']) {
      for (const name of litter) writeFileSync(join(dir, folder, name), 'not a report: {oops} <Broken\n');
      symlinkSync('root@host.1234:1700000000', join(dir, folder, '.#first-visit.mdx'));
    }
    assert.deepEqual(problemsOf(dir), []);
  });

  test('a file that is not litter still is a problem', () => {
    const dir = keep(corpus({ 'reports/notes.txt': 'x' }));
    assert.deepEqual(problemsOf(dir), ['<dir>/reports/notes.txt: (file name): expected a report ending in .mdx, found "notes.txt"; rename it, or move it out of the reports folder']);
  });
});

describe('content stays inside the content folder; links and odd files are refused in our words, with nothing of their target shown', () => {
  const outside = keep(mkdtempSync(join(tmpdir(), 'hallway-outside-')));
  const SECRET = `outside-secret-${process.pid}`;
  writeFileSync(join(outside, 'report.mdx'), files[report]!.replace('We went to the conference.', `${SECRET} We went.`));
  writeFileSync(join(outside, 'not-a-report.mdx'), `${SECRET}: not frontmatter\n`);
  writeFileSync(join(outside, 'events.yaml'), `${files['events.yaml']}\n# ${SECRET}\n`);

  /** [case, what to make in the corpus folder, every line the check prints] */
  const cases: [string, (dir: string) => void, string[]][] = [
    ['a report that is a link to a report outside', (dir) => symlinkSync(join(outside, 'report.mdx'), join(dir, 'reports', 'copied.mdx')), [
      '<dir>/reports/copied.mdx:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
    ]],
    ['a link to a file outside that is no report', (dir) => symlinkSync(join(outside, 'not-a-report.mdx'), join(dir, 'reports', 'x.mdx')), [
      '<dir>/reports/x.mdx:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
    ]],
    ['a link to /etc/passwd', (dir) => symlinkSync('/etc/passwd', join(dir, 'reports', 'x.mdx')), [
      '<dir>/reports/x.mdx:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
    ]],
    ['a link to /proc/self/environ', (dir) => symlinkSync('/proc/self/environ', join(dir, 'reports', 'x.mdx')), [
      '<dir>/reports/x.mdx:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
    ]],
    ['a relative link climbing out', (dir) => symlinkSync(join('..', relative(dir, outside), 'report.mdx'), join(dir, 'reports', 'x.mdx')), [
      '<dir>/reports/x.mdx:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
    ]],
    ['a link to a folder outside', (dir) => symlinkSync(outside, join(dir, 'reports', 'more')), [
      '<dir>/reports/more:1: (file): expected a folder inside <dir>/, found a link to a folder outside it; copy the folder in instead',
    ]],
    ['a registry that is a link to a file outside', (dir) => (rmSync(join(dir, 'events.yaml')), symlinkSync(join(outside, 'events.yaml'), join(dir, 'events.yaml'))), [
      '<dir>/events.yaml:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
    ]],
    ['a kept capture that is a link to a file outside', (dir) => (mkdirSync(join(dir, 'sources')), symlinkSync(join(outside, 'not-a-report.mdx'), join(dir, 'sources', 'first-visit.txt'))), [
      '<dir>/sources/first-visit.txt:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
    ]],
    ['a link to nothing', (dir) => symlinkSync(join(dir, 'reports', 'gone.mdx'), join(dir, 'reports', 'x.mdx')), [
      '<dir>/reports/x.mdx:1: (file): expected a file, found a link to nothing (its target does not exist); remove the link, or copy the file in',
    ]],
    ['a loop of links', (dir) => (symlinkSync('b.mdx', join(dir, 'reports', 'a.mdx')), symlinkSync('a.mdx', join(dir, 'reports', 'b.mdx'))), [
      '<dir>/reports/a.mdx:1: (file): expected a file, found a link that leads back to itself (a loop of links); remove the link',
      '<dir>/reports/b.mdx:1: (file): expected a file, found a link that leads back to itself (a loop of links); remove the link',
    ]],
    ['a folder link back to the folder it is in', (dir) => symlinkSync('..', join(dir, 'reports', 'up')), [
      '<dir>/reports/up:1: (file): expected a folder, found a link to a folder it is in (a loop); remove the link',
    ]],
    ['a named pipe (reading it would wait forever)', (dir) => execFileSync('mkfifo', [join(dir, 'reports', 'x.mdx')]), [
      '<dir>/reports/x.mdx:1: (file): expected a file, found a device, pipe or socket; remove it',
    ]],
    ['a registry that is a folder', (dir) => (rmSync(join(dir, 'talks.yaml')), mkdirSync(join(dir, 'talks.yaml'))), [
      '<dir>/talks.yaml:1: (file): expected a file, found a folder',
    ]],
  ];

  for (const [name, make, expected] of cases) {
    test(name, () => {
      const dir = keep(corpus());
      make(dir);
      const printed = problemsOf(dir);
      const relevant = printed.filter((line) => !line.includes('expected an id from'));
      assert.deepEqual(relevant, expected);
      const all = printed.join('\n');
      for (const leak of [SECRET, 'root:', 'PATH=', process.env.HOME ?? SECRET]) assert.ok(!all.includes(leak), `no byte of the target is shown (${leak})`);
    });
  }

  test('what a message quotes of a report is capped and has its control characters escaped', () => {
    const dir = keep(corpus({ [report]: (t) => `\x1b]0;owned\x07\u202e${'x'.repeat(100)}\n${t}`, 'events.yaml': (t) => `${t}\nz: |x${'y'.repeat(300)}\x1b[2J\n  b\n` }));
    const printed = problemsOf(dir);
    assert.deepEqual(printed.filter((line) => line.includes('first-visit.mdx')), [
      `<dir>/reports/first-visit.mdx:1: (frontmatter): expected "---" on the first line to open the frontmatter, found "\\u001b]0;owned\\u0007\\u202e${'x'.repeat(49)}…"`,
    ]);
    assert.ok(printed.every((line) => !/[\x00-\x1f\x7f-\x9f\u202e]/.test(line) && line.length < 400), printed.join('\n'));
  });

  test('every other file-system error reads in our words (permission denied cannot be made as root, so it is simulated)', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw text`), { code });
    assert.deepEqual(['EACCES', 'EPERM', 'EISDIR', 'EIO'].map((code) => formatProblem(fileProblem('content/reports/x.mdx', error(code)))), [
      'content/reports/x.mdx:1: (file): expected a file we may read, found one we may not (permission denied); make it readable',
      'content/reports/x.mdx:1: (file): expected a file we may read, found one we may not (permission denied); make it readable',
      'content/reports/x.mdx:1: (file): expected a file, found a folder',
      'content/reports/x.mdx:1: (file): expected a readable file, found the error EIO',
    ]);
  });

  test('a link to another report inside the content folder is read like a file', () => {
    const dir = keep(corpus());
    symlinkSync('first-visit.mdx', join(dir, 'reports', 'second-visit.mdx'));
    const result = checkContent({ dir });
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.deepEqual(result.reports.map((r) => r.id), ['first-visit', 'second-visit']);
  });
});
