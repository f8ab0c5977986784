/**
 * `npm run build`: checks all content first (src/check/, the same check as `npm run check`), so
 * bad content stops the build with our messages before Astro starts; then builds into
 * `<out>.partial` and only on success replaces `<out>` (default `dist`, or $OUT_DIR), so a failed
 * build never leaves a half-written or emptied site behind. Extra arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { checkContent, warmReports } from '../src/check/index.ts';
import { formatProblems } from '../src/lib/problems.ts';

const out = process.env.OUT_DIR ?? 'dist';
const partial = `${out}.partial`;
const kept = () => (existsSync(out) ? `the previous ${out}/ is left as it was` : `no ${out}/ was written`);

await warmReports();
const { problems } = checkContent();
if (problems.length) {
  console.error(`${formatProblems(problems)}\n\nBuild stopped before anything was built: ${kept()}. \`npm run check\` lists the heading ids; \`npm run check -- --fix\` writes tools, year, city and section ids.`);
  process.exit(1);
}

rmSync(partial, { recursive: true, force: true });
const { status } = spawnSync('npx', ['astro', 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, OUT_DIR: partial },
});
if (status !== 0) {
  rmSync(partial, { recursive: true, force: true });
  console.error(`\nBuild failed: ${kept()}.`);
  process.exit(status ?? 1);
}
rmSync(out, { recursive: true, force: true });
renameSync(partial, out);
console.log(`Site written to ${out}/`);
