/** Our site's builds for the bench: a content folder built into its own output, with its own caches. */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroCacheDir } from '../../src/paths.ts';
import { projectRoot } from '../lib/machine.ts';
import { run, type Run } from './memory.ts';

export interface OurSite {
  content: string;
  dist: string;
  /** The build's environment: content, output and every cache in the scratch folder. */
  env: Record<string, string>;
}

/** A site of the content in `work/<name>`, output and caches beside it. */
export function ourSite(work: string, name = 'content'): OurSite {
  const content = join(work, name);
  const at = (what: string) => join(work, `${name}-${what}`);
  return {
    content,
    dist: at('dist'),
    env: { CONTENT_DIR: content, OUT_DIR: at('dist'), HALLWAY_CACHE: at('report-cache'), OG_CACHE_DIR: at('og-cache'), HALLWAY_SEARCH_CACHE: at('search-cache'), IMAGE_CACHE_DIR: at('image-cache') },
  };
}

/**
 * Forgets everything a previous build of the site left (rendered reports, cards, encoded photos, the search index,
 * Astro's data store and incremental cache) and its output, which Starlight's side loses before its
 * build too: the next build is cold and does not spend its time deleting the last one's site.
 */
export function forget(site: OurSite) {
  for (const dir of [site.dist, site.env.HALLWAY_CACHE!, site.env.OG_CACHE_DIR!, site.env.HALLWAY_SEARCH_CACHE!, site.env.IMAGE_CACHE_DIR!, join(projectRoot, astroCacheDir(site.content, '/'))]) {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node scripts/build.ts --silent` on the site, as a person runs it. */
export const build = (site: OurSite): Promise<Run> => run(process.execPath, ['scripts/build.ts', '--silent'], projectRoot, site.env);

/** The check alone, with a cache of its own so that it is cold. */
export const check = (site: OurSite): Promise<Run> => run(process.execPath, ['scripts/check.ts'], projectRoot, { ...site.env, HALLWAY_CACHE: `${site.env.HALLWAY_CACHE}-check` });

/** The most frequent topic id in the corpus's frontmatter, as a search term. */
export const frequentTopic = (content: string): string => frequentTopics(content, 1)[0] ?? 'kubernetes';

/** The `n` most frequent topic ids in the corpus's frontmatter, most frequent first. */
export function frequentTopics(content: string, n: number): string[] {
  const counts = new Map<string, number>();
  for (const f of readdirSync(join(content, 'reports'))) {
    if (!f.endsWith('.mdx')) continue;
    for (const m of readFileSync(join(content, 'reports', f), 'utf8').matchAll(/- topic: ([a-z]+)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([topic]) => topic);
}

/** The most frequent word of eight letters or more in `texts`, for a search both sites can answer. */
export function frequentWord(texts: string[]): string {
  const counts = new Map<string, number>();
  for (const text of texts) for (const [w] of text.toLowerCase().matchAll(/\b[a-z]{8,}\b/g)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'kubernetes';
}
