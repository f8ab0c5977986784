import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';

// Each case copies the project, breaks one thing and runs the real `npm run build` (scripts/build.ts).
const work = mkdtempSync(join(tmpdir(), 'hallway-build-'));
const report = 'content/reports/containerdays-2024-hamburg.mdx';

function project(name: string, edits: Record<string, (text: string) => string>) {
  const dir = join(work, name);
  for (const part of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'scripts']) {
    cpSync(part, join(dir, part), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const after = edit(before);
    assert.notEqual(after, before, `the edit to ${file} changes it`);
    writeFileSync(path, after);
  }
  return dir;
}

function build(dir: string) {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, OUT_DIR: 'dist' } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

after(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build stops on bad content with a clear message', () => {
  test('an impossible date: file, field, expected and found; the previous site is kept', () => {
    const dir = project('bad-date', { [report]: (s) => s.replace('published: "2024-09-21"', 'published: "2024-02-30"') });
    cpSync(join(dir, 'public'), join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');
    const { status, output } = build(dir);
    assert.notEqual(status, 0, 'the build fails');
    assert.match(output, /containerdays-2024-hamburg/);
    assert.match(output, /published: expected a real calendar date "YYYY-MM-DD", found string "2024-02-30"/);
    assert.match(output, /content\/reports\/containerdays-2024-hamburg\.mdx/);
    assert.equal(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), 'previous site', 'the previous dist/ is untouched');
    assert.ok(!existsSync(join(dir, 'dist.partial')), 'no partial output is left behind');
  });

  test('cross-collection problems are all listed, with a suggestion', () => {
    const dir = project('cross', {
      [report]: (s) => s.replace('event: containerdays-2024', 'event: container-days-2024').replace('tools: [kcp, open-cluster-management]', 'tools: [kcp]'),
    });
    const { status, output } = build(dir);
    assert.notEqual(status, 0);
    assert.match(output, /content\/reports\/containerdays-2024-hamburg\.mdx: event: expected an id from events\.yaml, found "container-days-2024"; did you mean "containerdays-2024"\?/);
    assert.match(output, /content\/reports\/containerdays-2024-hamburg\.mdx: tools: expected exactly the tools the text mentions: add "open-cluster-management"/);
    assert.ok(!existsSync(join(dir, 'dist')), 'nothing is published');
  });

  test('a second file for the same report: its name must be a URL-safe id, so it cannot shadow the first', () => {
    const dir = project('duplicate', {
      'content/reports/ContainerDays-2024-Hamburg.mdx': () => readFileSync(report, 'utf8'),
    });
    const { status, output } = build(dir);
    assert.notEqual(status, 0);
    assert.match(output, /content\/reports\/ContainerDays-2024-Hamburg\.mdx: \(file name\): expected lower-case words joined by hyphens/);
  });

  test('an unknown component in a report', () => {
    const dir = project('jsx', { [report]: (s) => s.replace('## Takeaways', '## Takeaways\n\n<Slides />') });
    const { status, output } = build(dir);
    assert.notEqual(status, 0);
    assert.match(output, /containerdays-2024-hamburg\.mdx: <Slides> is not available in reports; only <Ed> \(editor's note\) is\./);
  });
});
