/**
 * Incremental builds (Astro's `experimental.incrementalBuild`, keyed by `pageKey` in
 * src/data/index.ts): a rebuild copies a page from the previous build when its key and code are
 * unchanged. A key that misses something a page shows would publish a stale page, so after each
 * kind of edit a person makes, the rebuilt site must equal, file for file and byte for byte, a
 * build that renders every page again (`--force`); and the rebuild must really have reused pages.
 * The search index is rebuilt unless every page is unchanged (src/integrations/search-index.ts).
 * Runs on a copy of the made-up fixture corpus.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import yaml from 'js-yaml';
import sharp from 'sharp';
import { FIXTURE_CONTENT } from '../helpers/builds.ts';

const dir = mkdtempSync(join(tmpdir(), 'hallway-corpus-incremental-'));
const content = join(dir, 'content');
const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

after(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const name of readdirSync('node_modules/.astro', { withFileTypes: true })) {
    if (name.name.includes('hallway-corpus-incremental')) rmSync(join('node_modules/.astro', name.name), { recursive: true, force: true });
  }
});

function build(out: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: join(dir, out) },
  });
  const output = clean(`${result.stdout}\n${result.stderr}`);
  assert.equal(result.status, 0, output);
  return output;
}

/** Every file of a built site but its search index, with its bytes. */
function files(site: string): Map<string, Buffer> {
  const root = join(dir, site);
  return new Map((readdirSync(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith('pagefind'))
    .sort()
    .map((f) => [f, readFileSync(join(root, f))]));
}

/** Pages Astro copied from the previous build rather than rendering, by output file. */
const reused = (output: string) => output.split('\n').filter((l) => /\((cached|restored)\)\s*$/.test(l)).map((l) => /[├└]─ (\S+)/.exec(l)?.[1]);

function assertSameSite() {
  const incremental = files('incremental');
  const full = files('full');
  assert.deepEqual([...incremental.keys()], [...full.keys()], 'the rebuild has the same files as a full build');
  const differ = [...full].filter(([f, bytes]) => !bytes.equals(incremental.get(f)!)).map(([f]) => f);
  assert.deepEqual(differ, [], 'every file of the rebuild equals the full build’s');
}

const edit = (file: string, change: (text: string) => string) => {
  const path = join(content, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the edit of ${file} changed it`);
  writeFileSync(path, after);
};

function fix() {
  const result = spawnSync(process.execPath, ['scripts/check.ts', '--fix'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: content } });
  assert.equal(result.status, 0, clean(`${result.stdout}\n${result.stderr}`));
}

describe('incremental rebuilds equal full builds', { timeout: 600_000 }, () => {
  const reports = readdirSync(join(FIXTURE_CONTENT, 'reports')).filter((f) => f.endsWith('.mdx')).sort();
  const [first, second] = reports;

  let firstOutput = '';
  before(() => {
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    firstOutput = build('incremental');
  });

  test('the build log has no run-together page list: one line says how many files Astro wrote', () => {
    const lines = firstOutput.split('\n');
    assert.deepEqual(lines.filter((l) => /[├└]─|^\s*\(\+[\d.]+m?s\)\s*$/.test(l)), [], 'no page list, no line holding only a time');
    assert.ok(lines.some((l) => /^Astro wrote \d+ files, \d+ of them copied unchanged from the last build \(`npm run build -- --routes` lists them\)\.$/.test(l)), firstOutput);
    assert.match(lines.find((l) => l.startsWith('Site written')) ?? firstOutput, /^Site written to .+\/ in [\d.]+ s \(check [\d.]+ s, Astro [\d.]+ s, search index [\d.]+ s\)\.$/);
  });

  test('nothing changed: every keyed page is reused, the site is the same', () => {
    const output = build('incremental', '--routes');
    const lines = output.split('\n');
    assert.ok(lines.every((l) => (l.match(/[├└]─/g) ?? []).length <= 1), '--routes: one page a line');
    assert.deepEqual(lines.filter((l) => /^\s*\(\+[\d.]+m?s\)\s*$/.test(l)), [], '--routes: no line holding only a time');
    assert.ok(reused(output).length > 0, 'the rebuild reused pages');
    assert.ok(reused(output).some((f) => f?.startsWith('/reports/')), 'report pages were reused');
    assert.match(output, /Search index unchanged/, 'the search index was copied, not built again');
    build('full', '--force');
    assertSameSite();
  });

  test('a report’s title and text change, and it mentions one more tool', () => {
    const id = first!.replace(/\.mdx$/, '');
    const tools = yaml.load(readFileSync(join(content, 'tools.yaml'), 'utf8')) as Record<string, { match: (string | { text: string; code?: boolean })[] }>;
    const text = readFileSync(join(content, 'reports', first!), 'utf8');
    // A spelling of a tool this report does not mention yet, one that counts in prose.
    const spelling = Object.values(tools).flatMap((t) => t.match)
      .map((m) => (typeof m === 'string' ? m : m.code ? '' : m.text))
      .find((s) => s && !text.toLowerCase().includes(s.toLowerCase()));
    assert.ok(spelling, 'the fixture registry has a tool the report does not mention');
    edit(join('reports', first!), (text) => text
      .replace(/^title: .*$/m, 'title: A retitled report for the rebuild test')
      .replace(/\n---\n\n/, `\n---\n\nA sentence added for the rebuild test, about ${spelling}.\n\n`));
    fix();
    const output = build('incremental', '--routes');
    assert.ok(!reused(output).includes(`/reports/${id}/index.html`), 'the edited report’s page was rendered again');
    assert.ok(reused(output).length > 0, 'unrelated pages were still reused');
    assert.doesNotMatch(output, /Search index unchanged/, 'pages changed, so the search index was built again');
    build('full', '--force');
    assertSameSite();
    assert.match(readFileSync(join(dir, 'incremental', 'reports', id, 'index.html'), 'utf8'), /A retitled report for the rebuild test/);
  });

  test('a photo is replaced under the same name: the pages showing it are rendered again, with the new one', async () => {
    const photo = join(content, 'reports', 'lantern-2025-recap', 'stage.jpg');
    const before = readFileSync(join(dir, 'incremental', 'reports', 'lantern-2025-recap', 'index.html'), 'utf8');
    writeFileSync(photo, await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#884422' } }).jpeg().toBuffer());
    const output = build('incremental', '--routes');
    assert.ok(!reused(output).includes('/reports/lantern-2025-recap/index.html'), 'the report showing the photo was rendered again');
    assert.ok(!reused(output).includes('/topics/capacity-planning/index.html'), 'so was the topic page quoting its section');
    const after = readFileSync(join(dir, 'incremental', 'reports', 'lantern-2025-recap', 'index.html'), 'utf8');
    assert.notEqual(after, before);
    assert.match(after, /width="1200" height="900"/);
    build('full', '--force');
    assertSameSite();
  });

  test('a registry changes: a tool is renamed', () => {
    edit('tools.yaml', (text) => text.replace(/^(\s+name: )(.+)$/m, '$1$2 (renamed)'));
    build('incremental');
    build('full', '--force');
    assertSameSite();
  });

  test('a report is removed', () => {
    rmSync(join(content, 'reports', second!));
    fix();
    build('incremental');
    build('full', '--force');
    assertSameSite();
  });
});
