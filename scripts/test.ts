/**
 * `npm test`: builds, one after the other, the made-up fixture corpus (tests/fixtures/corpus/) at /
 * into dist-fixture/ and under /kb/ into dist-fixture-kb/, and the real content at / into dist/;
 * then runs every suite, tests/unit, tests/site and tests/e2e, with Node's test runner. Behaviour
 * tests run on the fixture builds; the real content gets generic checks only (see
 * tests/helpers/builds.ts). Ends with the line "N passed, N failed" summing all suites; exits
 * non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLine } from '../src/lib/command-line.ts';

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const { values } = commandLine({
  command: 'npm test',
  options: { unit: { type: 'boolean' } },
  usage: `Usage: npm test [-- --unit]

Builds the fixture corpus at / and under /kb/ and the real content at /, then runs tests/unit,
tests/site and tests/e2e; ends with "N passed, N failed".

  --unit   only the unit tests (no build, no browser); also npm run test:unit`,
});
const onlyUnit = values.unit === true;

/**
 * What the browser and deploy tests run, from Debian: chromium (tests/helpers/browser.ts), nginx and
 * caddy (tests/e2e/deploy.test.ts starts them with the configs `npm run deploy-config` writes). A
 * fresh machine gets whichever is missing here, once.
 */
const systemPackages = { chromium: '/usr/bin/chromium', nginx: '/usr/sbin/nginx', caddy: '/usr/bin/caddy' };

function ensureSystemPackages() {
  const missing = Object.entries(systemPackages)
    .filter(([, binary]) => !existsSync(binary))
    .map(([name]) => name);
  if (!missing.length) return;
  const list = missing.join(' ');
  if (process.getuid?.() !== 0) {
    console.log(`The browser and deploy tests need Debian's ${list}: run \`sudo apt-get install -y ${list}\`, then npm test again.\n0 passed, 1 failed`);
    process.exit(1);
  }
  console.log(`▶ installing Debian's ${list} for the browser and deploy tests (apt-get, once)`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], env) !== 0 || run('apt-get', ['install', '-y', '-qq', ...missing], env) !== 0) {
    console.log(`Could not install ${list}.\n0 passed, 1 failed`);
    process.exit(1);
  }
}

if (!onlyUnit) {
  ensureSystemPackages();
  const fixture = { CONTENT_DIR: join('tests', 'fixtures', 'corpus') };
  // Sequential on purpose: each build uses every core it can get.
  for (const [label, env] of [
    ['fixture corpus at /', { ...fixture, SITE_BASE: '/', OUT_DIR: 'dist-fixture' }],
    ['fixture corpus under /kb/', { ...fixture, SITE_BASE: '/kb/', OUT_DIR: 'dist-fixture-kb' }],
    ['real content at /', { CONTENT_DIR: 'content', SITE_BASE: '/', OUT_DIR: 'dist' }],
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
// Per run, so a run inside a run (tests/e2e/growth.test.ts, in a copy sharing node_modules) keeps its own count.
const tap = join(mkdtempSync(join(tmpdir(), 'hallway-test-')), 'results.tap');
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
