/**
 * `npm run build`: builds into `<out>.partial` and only on success replaces `<out>` (default
 * `dist`, or $OUT_DIR), so a failed build never leaves a half-written or emptied site behind.
 * Extra arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';

const out = process.env.OUT_DIR ?? 'dist';
const partial = `${out}.partial`;
rmSync(partial, { recursive: true, force: true });
const { status } = spawnSync('npx', ['astro', 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, OUT_DIR: partial },
});
if (status !== 0) {
  rmSync(partial, { recursive: true, force: true });
  console.error(`\nBuild failed: ${existsSync(out) ? `the previous ${out}/ is left as it was` : `no ${out}/ was written`}.`);
  process.exit(status ?? 1);
}
rmSync(out, { recursive: true, force: true });
renameSync(partial, out);
console.log(`Site written to ${out}/`);
