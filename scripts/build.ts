/**
 * `npm run build`: checks all content first (src/check/, the same check as `npm run check`), so
 * bad content stops the build with our messages before Astro starts; then builds into
 * `<out>.partial` and only on success replaces `<out>` (default `dist`, or $OUT_DIR), so a failed
 * build never leaves a half-written or emptied site behind. Extra arguments go to `astro build`.
 *
 * The check runs in a child process that ends before Astro starts, so its memory is given back
 * instead of adding to Astro's (the peak matters at thousands of reports, see bench/); the search
 * index is written once Astro has exited, for the same reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, warmReports } from '../src/check/index.ts';
import { indexSite } from '../src/integrations/search-index.ts';
import { formatProblems, type Problem } from '../src/lib/problems.ts';

if (process.env.HALLWAY_BUILD_STEP === 'check') {
  await warmReports();
  process.stdout.write(JSON.stringify(checkContent().problems));
  process.exit(0);
}

const out = process.env.OUT_DIR ?? 'dist';
const silent = process.argv.includes('--silent');
const partial = `${out}.partial`;
const kept = () => (existsSync(out) ? `the previous ${out}/ is left as it was` : `no ${out}/ was written`);

const started = performance.now();
const took: string[] = [];
let mark = started;
/** Records how long the step that just ended took, for the last line. */
const step = (name: string) => {
  const now = performance.now();
  took.push(`${name} ${((now - mark) / 1000).toFixed(1)} s`);
  mark = now;
};

const check = spawnSync(process.execPath, [import.meta.filename], {
  env: { ...process.env, HALLWAY_BUILD_STEP: 'check' },
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
if (check.status !== 0) process.exit(check.status || 1);
const problems = JSON.parse(check.stdout) as Problem[];
if (problems.length) {
  console.error(`${formatProblems(problems)}\n\nBuild stopped before anything was built: ${kept()}. \`npm run check\` lists the heading ids; \`npm run check -- --fix\` writes tools, year, city and section ids.`);
  process.exit(1);
}

step('check');
rmSync(partial, { recursive: true, force: true });
const { status } = spawnSync(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  // The search index is written below, once Astro has exited and given its memory back.
  env: { ...process.env, OUT_DIR: partial, HALLWAY_SEARCH_INDEX: 'after-astro' },
});
step('Astro');
const indexed = status === 0 && (await indexSite(partial, silent ? () => {} : console.log).then(() => true, (error: Error) => {
  console.error(error.message);
  return false;
}));
if (!indexed) {
  rmSync(partial, { recursive: true, force: true });
  console.error(`\nBuild failed: ${kept()}.`);
  process.exit(status || 1);
}
step('search index');
rmSync(out, { recursive: true, force: true });
renameSync(partial, out);
console.log(`Site written to ${out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${took.join(', ')}).`);
