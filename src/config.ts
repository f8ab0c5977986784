/**
 * The settings a build, a check or a command takes from the environment, read here once, when the
 * process starts, and nowhere else (README, "Deploying" and "Caches"). Each keeps its variable's
 * name and meaning. What is wrong with a value is in `configProblems`, in our format: the check
 * reports them (so `npm run build` stops before Astro starts) and the query layer throws them (a
 * bare `astro build`).
 */
import { join } from 'node:path';
import { quoted, type Problem } from './lib/problems.ts';

const env = process.env;
const cache = (name: string) => join('node_modules', '.cache', 'hallway', name);

export const config = {
  /** CONTENT_DIR: the content folder (default `content`), e.g. the fixture corpus under tests/. */
  contentDir: env.CONTENT_DIR ?? 'content',
  /** SITE_BASE: the path the site is served under, "/" or e.g. "/kb/". */
  siteBase: env.SITE_BASE ?? '/',
  /** SITE_URL: the public origin, for canonical links and the feed. */
  siteUrl: env.SITE_URL ?? 'https://hallway-track.example',
  /** OUT_DIR: the folder Astro writes the site into (default `dist`). */
  outDir: env.OUT_DIR ?? 'dist',
  /** REPO_URL, REPO_BRANCH, EDIT_URL: where "Edit this page" links go (src/lib/edit-url.ts checks them). */
  repo: { repoUrl: env.REPO_URL || undefined, branch: env.REPO_BRANCH || undefined, editUrl: env.EDIT_URL || undefined },
  /** HALLWAY_CACHE: the report renderer's cache (src/markdown/cache.ts). */
  renderCacheDir: env.HALLWAY_CACHE ?? cache('reports'),
  /** OG_CACHE_DIR: the link-preview images' cache (src/og/render.ts). */
  ogCacheDir: env.OG_CACHE_DIR ?? join(process.cwd(), cache('og')),
  /** HALLWAY_SEARCH_CACHE: the search index's cache (src/integrations/search-index.ts). */
  searchCacheDir: env.HALLWAY_SEARCH_CACHE ?? cache('search'),
  /** IMAGE_CACHE_DIR: the encoded photos' cache (src/media/emit.ts); deleting it is always safe. */
  imageCacheDir: env.IMAGE_CACHE_DIR ?? join(process.cwd(), cache('images')),
  /** HALLWAY_CHECK=elsewhere: a build whose content check runs beside Astro (npm run build), not in it. */
  checkElsewhere: env.HALLWAY_CHECK === 'elsewhere',
  /** HALLWAY_SEARCH_INDEX=after-astro: `npm run build` writes the index once Astro has exited, not in its hook. */
  searchIndexAfterAstro: env.HALLWAY_SEARCH_INDEX === 'after-astro',
};

const problem = (field: string, message: string): Problem => ({ file: '(environment)', field, message });

/** What is wrong with the settings that have a form (the edit-link ones are checked by src/lib/edit-url.ts). */
export const configProblems: Problem[] = [
  ...(/^\/(?:[^/]+\/)*$/.test(config.siteBase) ? [] : [problem('SITE_BASE', `expected a path that starts and ends with "/", e.g. "/kb/", found ${quoted(config.siteBase)}`)]),
  ...(URL.canParse(config.siteUrl) && /^https?:$/.test(new URL(config.siteUrl).protocol)
    ? []
    : [problem('SITE_URL', `expected an http or https address, e.g. "https://intranet.example.com", found ${quoted(config.siteUrl)}`)]),
  ...(!env.HALLWAY_SEARCH_INDEX || config.searchIndexAfterAstro
    ? []
    : [problem('HALLWAY_SEARCH_INDEX', `expected "after-astro" or nothing, found ${quoted(env.HALLWAY_SEARCH_INDEX!)}; leave it unset (npm run build sets it)`)]),
];
