/**
 * A bare `astro build` refuses exactly what `npm run check` refuses, in the same words: for one
 * rule of each kind (a field rule of the schemas, the body's guard, a cross-collection rule, and
 * each rule only the check used to run: leftover chrome and TODO, needs a topic, TODO summary), a
 * made-up corpus (tests/helpers/corpus.ts) with that one fault is checked and built bare; both
 * fail, and every problem line the check prints is in the build's output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pageChrome } from '../../src/check/rules/page-chrome.ts';
import { bodyTodo } from '../../src/check/rules/body-todo.ts';
import { needsTopic } from '../../src/check/rules/needs-topic.ts';
import { summaryTodo } from '../../src/check/rules/summary-todo.ts';
import { corpus, report, withBody } from '../helpers/corpus.ts';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  for (const name of readdirSync('node_modules/.astro', { withFileTypes: true })) {
    if (name.name.includes('hallway-corpus')) rmSync(join('node_modules/.astro', name.name), { recursive: true, force: true });
  }
});

function run(args: string[], dir: string) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: dir, OUT_DIR: join(dir, 'dist') } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

// [rule kind, changes to the corpus]
const cases: [string, Parameters<typeof corpus>[0]][] = [
  ['a field rule of the schemas (known-field)', { [report]: (text) => text.replace('summary:', 'sumary: x\nsummary:') }],
  ['the guard (no-code)', { [report]: withBody('id is {1 + 1}.') }],
  ['a cross-collection rule (event-year-city)', { [report]: (text) => text.replace('year: 2031', 'year: 2030') }],
  [`leftover chrome (${pageChrome.id})`, { [report]: withBody('Share this post') }],
  [`a TODO left in the body (${bodyTodo.id})`, { [report]: withBody('TODO: the keynote') }],
  [`no topic (${needsTopic.id})`, { [report]: (text) => text.replace(/^topics:\n(?: .*\n)*/m, 'topics: []\n') }],
  [`a TODO summary (${summaryTodo.id})`, { [report]: (text) => text.replace(/^summary: .*$/m, 'summary: TODO') }],
];

describe('a bare astro build refuses what the check refuses, with the same message', () => {
  for (const [kind, changes] of cases) {
    test(kind, () => {
      const dir = corpus(changes);
      made.push(dir);
      const check = run(['scripts/check.ts'], dir);
      assert.equal(check.status, 1, check.output);
      // The problems come first, one a line; then a blank line and the report's heading ids.
      const lines = check.output.split('\n\n')[0]!.split('\n').filter((line) => line.startsWith(dir));
      assert.ok(lines.length > 0, `the check names a problem:\n${check.output}`);
      const build = run(['node_modules/astro/bin/astro.mjs', 'build'], dir);
      assert.notEqual(build.status, 0, 'the bare build fails');
      for (const line of lines) assert.ok(build.output.includes(line), `expected\n  ${line}\nin\n${build.output}`);
      assert.doesNotMatch(build.output, /\[build\] \d+ page\(s\) built/, 'no page was built');
    });
  }
});
