/**
 * Files as people's machines leave them, through the real builds: a copy of the fixture corpus
 * saved by a Windows editor (CRLF, a BOM; mixed endings in the reports) builds to the same site,
 * byte for byte, as the fixture build; links leading out of the content folder stop `npm run build`
 * and a bare `astro build` in our words, with no stack trace and nothing of their target shown.
 * (tests/unit/inputs.test.ts covers every case of the check itself.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fixture } from '../helpers/builds.ts';
import { corpus, files, report } from '../helpers/corpus.ts';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  for (const name of readdirSync('node_modules/.astro', { withFileTypes: true })) {
    if (/hallway-(?:corpus|windows)/.test(name.name)) rmSync(join('node_modules/.astro', name.name), { recursive: true, force: true });
  }
});

const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

function run(args: string[], dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: dir, OUT_DIR: join(dir, 'dist'), ...env } });
  return { status: result.status, output: clean(`${result.stdout}\n${result.stderr}`) };
}

/** A bare build that leaves the content check out (src/integrations/content-check.ts), so what stops it is the loaders' and the query layer's own checks. */
const loadersAlone = { HALLWAY_CHECK: 'elsewhere' };

describe('the fixture corpus saved by a Windows editor builds to the same site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-windows-'));
  made.push(dir);
  cpSync(fixture.content, dir, { recursive: true });
  // Text files as an editor saves them; photos are bytes no editor rewrites.
  for (const file of walk(dir).filter((f) => /\.(mdx|ya?ml|txt|md|html?)$/i.test(f))) {
    const text = readFileSync(file, 'utf8');
    let n = 0;
    // Reports: a BOM and mixed endings; everything else (registries, captures): a BOM and CRLF.
    const saved = file.endsWith('.mdx') ? text.replace(/\n/g, () => (n++ % 3 ? '\r\n' : '\n')) : text.replace(/\n/g, '\r\n');
    writeFileSync(file, `\uFEFF${saved}`);
  }
  const { status, output } = run(['scripts/build.ts', '--silent'], dir, { SITE_BASE: fixture.base });

  test('builds', () => assert.equal(status, 0, output));

  test('every page, feed, image and index file is the same as in the fixture build', () => {
    const ours = walk(join(dir, 'dist')).map((f) => f.slice(join(dir, 'dist').length + 1)).sort();
    const theirs = walk(fixture.dir).map((f) => f.slice(fixture.dir.length + 1)).sort();
    assert.deepEqual(ours, theirs);
    // The copy is not in git, so it has no "Last updated" dates (README, "Edit links, last updated
    // and feeds"); those are left out of the comparison, everything else must be the same bytes.
    const undated = (bytes: Buffer) => bytes.toString('latin1')
      .replace(/<p class="page-source">Last updated <time[^>]*>[^<]*<\/time><\/p>/g, '')
      .replace(/,?\s*"date_modified": "[^"]*"/g, '')
      .replace(/<atom:updated>[^<]*<\/atom:updated>/g, '');
    const differ = ours.filter((f) => undated(readFileSync(join(dir, 'dist', f))) !== undated(readFileSync(join(fixture.dir, f))));
    assert.deepEqual(differ, []);
    assert.ok(ours.some((f) => f.startsWith('reports/') && f.endsWith('.html')), 'report pages were compared');
  });
});

describe('links leading out of the content folder stop every build, in our words, showing nothing of their target', () => {
  const outside = mkdtempSync(join(tmpdir(), 'hallway-outside-'));
  made.push(outside);
  const SECRET = `outside-secret-${process.pid}`;
  writeFileSync(join(outside, 'report.mdx'), files[report]!.replace('We went to the conference.', `${SECRET} We went.`));
  const linked = () => {
    const dir = corpus();
    made.push(dir);
    symlinkSync(join(outside, 'report.mdx'), join(dir, 'reports', 'copied.mdx'));
    symlinkSync('/etc/passwd', join(dir, 'reports', 'passwd.mdx'));
    return dir;
  };
  const expected = [
    '<dir>/reports/copied.mdx:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
    '<dir>/reports/passwd.mdx:1: (file): expected a file inside <dir>/, found a link to a file outside it; copy the file in instead',
  ];
  const assertSaid = (output: string, dir: string, lines: string[]) => {
    const printed = output.split('\n').map((line) => line.replaceAll(dir, '<dir>'));
    for (const line of lines) assert.ok(printed.includes(line), `expected the line\n  ${line}\nin\n${output}`);
    assert.doesNotMatch(output, /Stack trace|Location:|at .*\.(?:js|ts|mjs):\d+/, 'no stack trace');
    assert.ok(!output.includes(SECRET) && !output.includes('root:'), 'nothing of a target is shown');
  };

  test('npm run build: the check stops it and nothing is published', () => {
    const dir = linked();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');
    const { status, output } = run(['scripts/build.ts'], dir);
    assert.notEqual(status, 0);
    assertSaid(output, dir, expected);
    assert.deepEqual(readdirSync(join(dir, 'dist')), ['index.html']);
    assert.equal(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), 'previous site');
  });

  test('a bare astro build: the loader stops it', () => {
    const dir = linked();
    const { status, output } = run(['node_modules/astro/bin/astro.mjs', 'build'], dir, loadersAlone);
    assert.notEqual(status, 0);
    assertSaid(output, dir, expected);
    assert.ok(!existsSync(join(dir, 'dist', 'reports')), 'no report page was written');
  });

  test('a bare astro build: a registry that is a link to nothing', () => {
    const dir = corpus();
    made.push(dir);
    rmSync(join(dir, 'talks.yaml'));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'talks.yaml'));
    const { status, output } = run(['node_modules/astro/bin/astro.mjs', 'build'], dir, loadersAlone);
    assert.notEqual(status, 0);
    assertSaid(output, dir, ['<dir>/talks.yaml:1: (file): expected a file, found a link to nothing (its target does not exist); remove the link, or copy the file in']);
  });
});
