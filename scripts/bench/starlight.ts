/**
 * The side-by-side peer: a stock Starlight site (the anchors' starlight/ folder) installed in a
 * scratch folder, its pages the same texts as our reports (same-texts.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, type Run } from './memory.ts';

export interface Peer {
  dir: string;
  /** Where its report pages go (the same texts as our reports). */
  pages: string;
  dist: string;
}

/** Runs a setup step whose output a person may need; throws with what failed. */
function step(cmd: string, args: string[], cwd: string, what: string) {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` } });
  if (result.status !== 0) throw new Error(`--starlight: ${what} failed (exit ${result.status}) in ${cwd}`);
}

/** Copies the anchor into `work` and installs it (from its lockfile). */
export function preparePeer(anchors: string, work: string): Peer {
  if (!existsSync(join(anchors, 'starlight', 'package.json'))) {
    throw new Error(`--starlight: expected the anchors (starlight/) in ${anchors}, found nothing there; set ANCHORS_DIR to their folder`);
  }
  const dir = join(work, 'sl');
  cpSync(join(anchors, 'starlight'), dir, { recursive: true, filter: (s) => !s.includes('node_modules') });
  // npm install, as the anchors' README says: their lockfile lacks other platforms' binaries, which npm ci refuses.
  step('npm', ['install', '--no-audit', '--no-fund'], dir, 'npm install of the Starlight anchor');
  return { dir, pages: join(dir, 'src', 'content', 'docs', 'reports'), dist: join(dir, 'dist') };
}

/** One cold build of the peer: its output and Astro's cache deleted first, as ours loses them. */
export function buildPeer(peer: Peer): Promise<Run> {
  rmSync(peer.dist, { recursive: true, force: true });
  rmSync(join(peer.dir, 'node_modules', '.astro'), { recursive: true, force: true });
  const bin = join(peer.dir, 'node_modules', '.bin');
  return run(process.execPath, [join(peer.dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], peer.dir, { PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH}` });
}
