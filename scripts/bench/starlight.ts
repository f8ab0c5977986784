/**
 * The side-by-side peer: a stock Starlight site (the anchors' starlight/ folder) installed from its
 * lockfile in a scratch folder, its pages written by the anchors' gen-corpus.mjs. Our side of the
 * comparison is a corpus of reports with those same page texts (same-texts.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, type Run } from './memory.ts';

export interface Peer {
  dir: string;
  /** Where its generated report pages are (the same texts our side gets). */
  pages: string;
  dist: string;
}

/** Runs a setup step whose output a person may need; throws with what failed. */
function step(cmd: string, args: string[], cwd: string, what: string) {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` } });
  if (result.status !== 0) throw new Error(`bench: --starlight: ${what} failed (exit ${result.status}) in ${cwd}`);
}

/** Copies the anchor into `work`, installs it (npm ci, its lockfile) and writes the seed pages and `n` generated ones. */
export function preparePeer(anchors: string, work: string, n: number, seed: number): Peer {
  const gen = join(anchors, 'gen-corpus.mjs');
  if (!existsSync(gen)) {
    throw new Error(`bench: --starlight: expected the anchors (gen-corpus.mjs, starlight/) in ${anchors}, found nothing there; set ANCHORS_DIR to their folder`);
  }
  const dir = join(work, 'sl');
  cpSync(join(anchors, 'starlight'), dir, { recursive: true, filter: (s) => !s.includes('node_modules') });
  step('npm', ['ci', '--no-audit', '--no-fund'], dir, 'npm ci of the Starlight anchor');
  const pages = join(dir, 'src', 'content', 'docs', 'reports');
  step(process.execPath, [gen, '--seeds-only', '--format', 'starlight', '--out', pages], dir, 'gen-corpus.mjs --seeds-only');
  step(process.execPath, [gen, '--n', String(n), '--seed', String(seed), '--format', 'starlight', '--out', pages], dir, 'gen-corpus.mjs');
  return { dir, pages, dist: join(dir, 'dist') };
}

/** One cold build of the peer: its output and Astro's cache deleted first, as ours loses them. */
export function buildPeer(peer: Peer): Promise<Run> {
  rmSync(peer.dist, { recursive: true, force: true });
  rmSync(join(peer.dir, 'node_modules', '.astro'), { recursive: true, force: true });
  const bin = join(peer.dir, 'node_modules', '.bin');
  return run(process.execPath, [join(peer.dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], peer.dir, { PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH}` });
}
