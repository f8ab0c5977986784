/**
 * Astro's cache folder (`cacheDir`: its data store, the incremental build's manifest and a copy of
 * every page) is trusted by Astro as it is: a page whose `cacheKey` and code are unchanged is
 * copied from there into the site without being looked at, and an unchanged report's frontmatter
 * comes from the data store. A cache can come from anywhere (CI restores caches across branches),
 * so this integration records a digest of every file in the folder when a build ends, and before
 * the next build (before Astro reads any of it) compares the folder with that record: a file
 * edited, added or removed since, or no record at all, and the whole folder is removed, so every
 * page is rendered from the sources again (and the log says so).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Our record, in the folder it describes. */
export const recordName = 'hallway-digests.json';

/** A digest of every file under `dir` (but the record), by path relative to it. */
function digests(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = relative(dir, path);
    if (entry.isFile() && name !== recordName) found[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return found;
}

/** The files of `dir` that differ from its record (all of them when there is no record). */
export function changedFiles(dir: string): string[] {
  const now = digests(dir);
  let recorded: Record<string, string> = {};
  try {
    recorded = JSON.parse(readFileSync(join(dir, recordName), 'utf8')) as Record<string, string>;
  } catch {
    // No record (or an unreadable one): nothing in the folder can be trusted.
  }
  const names = new Set([...Object.keys(now), ...Object.keys(recorded)]);
  return [...names].filter((name) => now[name] !== recorded[name]).sort();
}

/** Removes the folder's contents unless they match its record; returns a line for the log when it did. */
export function verifyCache(dir: string): string | undefined {
  const changed = changedFiles(dir);
  if (!changed.length) return undefined;
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  const shown = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  return `Astro's cache in ${relative('.', dir)}/ does not match what the last build recorded (${shown}): removed, every page is rendered from the sources`;
}

export const recordCache = (dir: string) => writeFileSync(join(dir, recordName), JSON.stringify(digests(dir)));

export default function pageCache(): AstroIntegration {
  let building = false;
  let dir = '';
  return {
    name: 'hallway-track:page-cache',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // Before Astro loads its data store or the incremental manifest (both come after this hook).
      'astro:config:done': ({ config, logger }) => {
        dir = fileURLToPath(config.cacheDir);
        if (!building || !existsSync(dir)) return;
        const removed = verifyCache(dir);
        if (removed) logger.warn(removed);
      },
      // Astro has written its manifest and page copies by now (its data store long before).
      'astro:build:done': () => {
        if (existsSync(dir)) recordCache(dir);
      },
    },
  };
}
