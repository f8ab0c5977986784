/**
 * Where content lives. `CONTENT_DIR` (default `content`) points a build, a check or a test at
 * another corpus, e.g. the fixture corpus under tests/. Paths are relative to the project root,
 * as people see them in error messages.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const contentDir = process.env.CONTENT_DIR ?? 'content';

/** The files and folders of a content folder. */
export const contentPathsFor = (dir: string) => ({
  reports: join(dir, 'reports'),
  sources: join(dir, 'sources'),
  events: join(dir, 'events.yaml'),
  tools: join(dir, 'tools.yaml'),
  topics: join(dir, 'topics.yaml'),
  people: join(dir, 'people.yaml'),
  talks: join(dir, 'talks.yaml'),
  taxonomy: join(dir, 'taxonomy.yaml'),
  /** Optional: other sites the search page merges (federation). */
  sites: join(dir, 'sites.yaml'),
});

export const contentPaths = contentPathsFor(contentDir);

/** Every file under `dir` (e.g. a reports folder, with its sub-folders), sorted; none when it is missing. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The report files (`.mdx`) under a reports folder. */
export const reportFilesUnder = (dir: string) => filesUnder(dir).filter((file) => file.endsWith('.mdx'));

/** The path the site is served under, "/" or e.g. "/kb/" (SITE_BASE, see README). */
export const siteBase = process.env.SITE_BASE ?? '/';

/**
 * Astro's cache folder (data store, incremental build) for a content folder and base: one per
 * corpus and base, so builds of the fixture corpus, of /kb/ and of the real content never reuse
 * each other's data. A folder's caches all start with `astroCacheDir(folder, '')`.
 */
export const astroCacheDir = (dir: string, base: string) =>
  join('node_modules', '.astro', `${resolve(dir)}${base}`.replace(/[^a-z0-9]+/gi, '-'));
