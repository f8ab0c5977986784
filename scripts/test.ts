/**
 * `npm test`: builds the site (at / and under the /kb/ sub-path) and runs every suite,
 * tests/unit, tests/site and tests/e2e, with Node's test runner. Ends with the line
 * "N passed, N failed" summing all suites; exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const onlyUnit = process.argv.includes('--unit');
if (!onlyUnit) {
  for (const [label, env] of [
    ['site at /', {}],
    ['site under /kb/', { SITE_BASE: '/kb/', OUT_DIR: 'dist-kb' }],
  ] as const) {
    console.log(`\n▶ building the ${label}`);
    if (run(process.execPath, ['scripts/build.ts', '--silent'], env) !== 0) {
      console.log(`\nThe build of the ${label} failed.\n0 passed, 1 failed`);
      process.exit(1);
    }
  }
}

const suites = onlyUnit ? ['unit'] : ['unit', 'site', 'e2e'];
const files = suites.flatMap((suite) =>
  readdirSync(join('tests', suite))
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join('tests', suite, f)),
);
const tap = join('node_modules', '.cache', 'test-results.tap');
rmSync(tap, { force: true });
const status = run(process.execPath, [
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tap}`,
  ...files,
]);
const summary = readFileSync(tap, 'utf8');
const count = (key: string) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
const [passed, failed] = [count('pass'), count('fail') + count('cancelled')];
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 && passed > 0 ? 0 : 1);
