/**
 * Every command answers a mistyped, missing or misused option with our message, the nearest
 * option and its usage, exit code 2, and no stack trace; `--help` prints the usage (exit 0).
 * The commands are run for real; each stops at its arguments, before it reads or writes anything.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';

const run = (script: string, args: string[]) => {
  const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { encoding: 'utf8', input: '', env: { ...process.env, CONTENT_DIR: 'tests/fixtures/corpus' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const commands: [script: string, usage: string, typo: string, meant: string][] = [
  ['ingest', 'Usage: npm run ingest -- <capture.txt|.html|.md>', '--auther', '--author'],
  ['new-report', 'Usage: npm run new-report -- --event <id>', '--titel', '--title'],
  ['new-event', 'Usage: npm run new-event -- --id <id>', '--shortname', '--short-name'],
  ['import-schedule', 'Usage: npm run import-schedule -- <file> [--event <id>]', '--dryrun', '--dry-run'],
  ['check', 'Usage: npm run check [-- --fix]', '--fxi', '--fix'],
  ['build', 'Usage: npm run build [-- --force]', '--forse', '--force'],
  ['bench', 'Usage: npm run bench [-- --sizes 100,1000]', '--size', '--sizes'],
  ['test', 'Usage: npm test [-- --unit]', '--unti', '--unit'],
  ['deploy-config', 'Usage: npm run deploy-config -- --host <netlify|cloudflare|nginx|caddy>', '--cros', '--cors'],
];

describe('a mistyped option gets the nearest one and the usage, exit code 2', () => {
  for (const [script, usage, typo, meant] of commands) {
    test(script, () => {
      const { status, stdout, stderr } = run(script, [typo]);
      assert.equal(status, 2, stderr);
      assert.equal(stdout, '');
      const [first, blank, third] = stderr.split('\n');
      assert.equal(first, `${script}: ${typo}: expected one of the options below, found an unknown option; did you mean ${meant}?`);
      assert.equal(blank, '');
      assert.ok(third!.startsWith(usage), stderr);
      assert.doesNotMatch(stderr, /^\s+at |ERR_PARSE_ARGS/m, 'no stack trace');
    });
  }
});

test('an option nothing resembles gets the usage without a guess', () => {
  const { status, stderr } = run('ingest', ['post.html', '--frobnicate']);
  assert.equal(status, 2);
  assert.equal(stderr.split('\n')[0], 'ingest: --frobnicate: expected one of the options below, found an unknown option');
});

test('--help prints the usage on stdout, exit code 0, for every command', () => {
  for (const [script, usage] of commands) {
    const { status, stdout } = run(script, ['--help']);
    assert.equal(status, 0, script);
    assert.ok(stdout.startsWith(usage), `${script}: ${stdout}`);
  }
});

test('a missing value, a value given to a switch, an argument too many, a bad value', () => {
  const cases: [string[], string][] = [
    [['new-report', '--event', '--title', 'T'], 'new-report: --event: expected a value after --event, found the option "--title"; write --event=<value> for a value that starts with "-"'],
    [['new-event', '--id'], 'new-event: --id: expected a value after --id, found nothing'],
    [['check', '--fix=yes'], 'check: --fix: expected no value (it is a switch), found "yes"'],
    [['new-report', 'notes'], 'new-report: (arguments): expected options only, found "notes"'],
    [['ingest', 'a.txt', 'b.txt'], 'ingest: (arguments): expected at most 1 argument besides options, found "b.txt"'],
    [['bench', '--sizes', '100,lots'], 'bench: --sizes: expected whole numbers above 0 separated by commas, found "100,lots"'],
  ];
  for (const [[script, ...args], message] of cases) {
    const { status, stderr } = run(script!, args);
    assert.equal(stderr.split('\n')[0], message);
    assert.equal(status, 2, message);
  }
});

test('without a terminal, a required flag that is missing is a usage error naming it', () => {
  const { status, stderr } = run('new-event', ['--id', 'madeup-2041']);
  assert.equal(status, 2);
  assert.match(stderr, /^new-event: --series: expected its series \(.+\), found nothing \(not in a terminal, so nothing can be asked\)\n\nUsage: npm run new-event/);
});
