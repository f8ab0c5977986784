/**
 * The list of check rules (src/check/rules/): every rule's failing example, put into the made-up
 * corpus (tests/helpers/corpus.ts), makes the check report the rule's message on the rule's field;
 * ids are unique; content/README.md's error table is the one the list writes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';
import { errorTable, listRules, rules } from '../../src/check/rules/index.ts';
import type { Example } from '../../src/check/rules/rule.ts';
import { corpus, files, report, withBody } from '../helpers/corpus.ts';

/** The problems (`field: message`, the folder shown as <dir>/) the check finds in the corpus with `example` applied. */
function problemsOf(example: Example<unknown>): string[] {
  const changes: Record<string, string | Uint8Array> = {};
  for (const [key, change] of Object.entries(example.change)) {
    const path = key === 'body' || key === 'report' ? report : key;
    const edit = key === 'body' ? withBody(change as string) : change;
    const text = typeof edit === 'function' ? edit(changes[path]?.toString() ?? files[path] ?? '') : edit;
    changes[path] = example.encoding ? Buffer.from(text, example.encoding) : text;
  }
  const dir = corpus(changes);
  try {
    for (const [path, target] of Object.entries(example.links ?? {})) symlinkSync(target, join(dir, path));
    return checkContent({ dir }).problems.map((p) => `${p.field}: ${p.message}`.replaceAll(`${dir}/`, '<dir>/'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the made-up corpus the examples change has no problems of its own', () => {
  assert.deepEqual(problemsOf({ change: {}, field: '', finding: undefined }), []);
});

for (const rule of rules) {
  test(`rule ${rule.id}: its failing example is refused with its message`, () => {
    const { field, finding } = rule.example;
    assert.ok(problemsOf(rule.example).includes(`${field}: ${rule.message(finding)}`), `expected "${field}: ${rule.message(finding)}" among ${JSON.stringify(problemsOf(rule.example), null, 1)}`);
  });
}

test('rule ids are unique kebab-case words, each listed once by --list', () => {
  const ids = rules.map((r) => r.id);
  assert.deepEqual([...new Set(ids)], ids);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  assert.deepEqual(listRules().split('\n').map((line) => line.split(/\s+/)[0]), ids);
});

test('npm run check -- --list prints the rules and checks nothing', () => {
  const result = spawnSync(process.execPath, ['scripts/check.ts', '--list'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: '/nonexistent' } });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, `${listRules()}\n`);
});

test("content/README.md's error table is the rules list's (npm run check -- --list --table writes it)", () => {
  const readme = readFileSync('content/README.md', 'utf8');
  const start = readme.indexOf('| rule | message (shortened) | what to do |');
  assert.ok(start >= 0, 'content/README.md has the error table');
  const end = readme.indexOf('\n\n', start);
  assert.equal(readme.slice(start, end === -1 ? undefined : end), errorTable());
});
