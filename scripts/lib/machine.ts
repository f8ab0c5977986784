/**
 * Where the programs and folders outside this repository are, for the browser tests and the bench:
 * read from the environment, else found the same way on every machine, never a path of one machine.
 */
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's folder (this file is scripts/lib/machine.ts). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Chromium for playwright-core: `CHROMIUM` (or the older `CHROMIUM_PATH`), else Debian's
 * /usr/bin/chromium, else `chromium` on PATH; undefined when there is none.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.CHROMIUM ?? env.CHROMIUM_PATH;
  if (given) return given;
  const candidates = ['/usr/bin/chromium', ...(env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'chromium'))];
  return candidates.find((path) => existsSync(path));
}

/** The shared anchors (the stock Starlight peer and gen-corpus.mjs): `ANCHORS_DIR`, else ../shared/anchors beside the repository. */
export const anchorsDir = (env: NodeJS.ProcessEnv = process.env): string => resolve(projectRoot, env.ANCHORS_DIR ?? join('..', 'shared', 'anchors'));

/** The flags every headless launch gets: no sandbox (containers), no GPU, no background traffic. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
