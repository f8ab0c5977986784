/**
 * Loads Pagefind's browser API from the bundle the build writes to `<base>pagefind/`, once,
 * and only when called: nothing here runs at import time.
 * The types cover the part of Pagefind 1.6's API this site uses.
 */

/** A passage under one heading of a result page. */
export interface SubResult {
  title: string;
  /** The page URL with `#heading-id`, or without a hash for text before the first heading. */
  url: string;
  /** HTML: escaped text with the matches wrapped in `<mark>`. */
  excerpt: string;
  anchor?: { element: string; id: string; text: string; location: number };
  locations: number[];
}

export interface ResultData {
  url: string;
  /** HTML: escaped text with the matches wrapped in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: SubResult[];
}

export interface Result {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

/** For each filter, how many pages carry each value. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchResponse {
  results: Result[];
  unfilteredResultCount: number;
  /** Counts among the results of this search (term and filters). */
  filters: FilterCounts;
  /** Counts among the results of the term alone. */
  totalFilters: FilterCounts;
}

/** `{ tool: { any: ['crossplane', 'helm'] } }`: a page matches if it has any of the values; `none`: if it has none of them. */
export type Filters = Record<string, { any: string[] } | { none: string[] }>;

export interface SearchOptions {
  filters?: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
}

interface IndexOptions {
  baseUrl?: string;
  excerptLength?: number;
  ranking?: { pageLength?: number };
  mergeFilter?: Record<string, string>;
}

export interface Pagefind {
  /** `noWorker`: search in this thread instead of Pagefind's Web Worker (read by Pagefind 1.6's wrapper, not in its docs). */
  options(options: IndexOptions & { noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  /** A null term with filters lists every page matching the filters. */
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
  /** Resolves to null when a newer call superseded this one. */
  debouncedSearch(term: string | null, options: SearchOptions, ms: number): Promise<SearchResponse | null>;
  /** Counts over the whole index. */
  filters(): Promise<FilterCounts>;
  /**
   * Adds another bundle's pages to every search: `indexWeight` scales its scores, `mergeFilter`
   * gives each of its pages extra filter values (e.g. `{ site: 'platform' }`).
   */
  mergeIndex(url: string, options?: IndexOptions & { indexWeight?: number }): Promise<void>;
  /** Forgets the index and options: the next call starts afresh. */
  destroy(): Promise<void>;
}

/** Another site whose index is merged (from content/sites.yaml, embedded in the search page). */
export interface Site {
  id: string;
  name: string;
  /** Its base URL, e.g. "https://platform.example/kb/"; its index is at `<url>pagefind/`. */
  url: string;
}

export interface Loaded {
  pagefind: Pagefind;
  /** One sentence per listed site whose results are not shown, saying why. */
  notices: string[];
}

/** Other sites' results count for less than ours, so a page of this site comes first on an equal match. */
const OTHER_SITE_WEIGHT = 0.6;
/**
 * For every index, ours and merged ones. pageLength: Pagefind favours short pages by default
 * (0.75), which put every one-paragraph tool and topic page above the reports; 0.1 keeps the best
 * hub first, then the reports.
 */
const RESULTS = { excerptLength: 26, ranking: { pageLength: 0.1 } };

/**
 * The Pagefind version in an index's `pagefind-entry.json`. Throws a SyntaxError when the file is
 * not such an entry, an Error "HTTP <status>" when the server answers with an error, a TypeError
 * when the browser gets no answer it may read (the site is down, or sends no CORS headers).
 */
async function entryVersion(index: string): Promise<string> {
  const response = await fetch(`${index}pagefind-entry.json`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const version = ((await response.json()) as { version?: unknown } | null)?.version;
  if (typeof version !== 'string') throw new SyntaxError('no version');
  return version;
}

/** The index folders of a site: `pagefind/`, then its parts (listed in `pagefind/parts.json`, if any). */
async function indexFolders(index: string): Promise<string[]> {
  const parts = await fetch(`${index}parts.json`).then((r) => (r.ok ? r.json() : []), () => []);
  return [index, ...(Array.isArray(parts) ? parts.filter((p): p is string => typeof p === 'string').map((p) => new URL(p, new URL(index, location.href)).href) : [])];
}

const minor = (version: string) => version.split('.').slice(0, 2).join('.');

/**
 * Checks a listed site before merging it: Pagefind keeps a merged index that failed to load and
 * then fails every search, so a site that is down, refuses us (CORS), has no index or one written
 * by another Pagefind version is left out with a notice instead. Pagefind's index format may change
 * between minor versions: 1.6.x merges with 1.6.y only.
 */
async function probe(site: Site, ours: string): Promise<{ folders: string[] } | { notice: string }> {
  const index = `${site.url}pagefind/`;
  let version: string;
  try {
    version = await entryVersion(index);
  } catch (error) {
    if (error instanceof SyntaxError) return { notice: `${site.name}’s search index could not be read (${index}pagefind-entry.json is not a Pagefind index); results from it are not shown.` };
    if (/^HTTP/.test((error as Error).message)) return { notice: `${site.name} has no search index at ${index} (${(error as Error).message}); results from it are not shown.` };
    return { notice: `${site.name}’s search (${site.url}) could not be reached: the site is down, or it does not let this site read its index (CORS); results from it are not shown.` };
  }
  if (minor(version) !== minor(ours)) return { notice: `${site.name}’s search index was built with Pagefind ${minor(version)}, this site’s with ${minor(ours)}; results from it are not shown until both use the same version.` };
  return { folders: await indexFolders(index) };
}

let loading: Promise<Loaded> | undefined;

/**
 * The sites the search page lists (`#search-sites`, from content/sites.yaml) and the id of our own
 * in the "Site" filter. Other pages list none: their header search stays on this site.
 */
export function listedSites(): { own: string; sites: Site[] } {
  const listed = document.getElementById('search-sites')?.textContent;
  return listed ? (JSON.parse(listed) as { own: string; sites: Site[] }) : { own: 'here', sites: [] };
}

/**
 * Imports and initialises Pagefind under the site's `base`, merged with the listed sites that
 * answer; later calls share the first load. Our own pages get `site: <own id>` when other sites
 * are merged, so the "Site" filter can pick them too.
 */
export function loadPagefind(): Promise<Loaded> {
  loading ??= (async () => {
    const { own: ownId, sites } = listedSites();
    const base = import.meta.env.BASE_URL;
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    const own = `${base}pagefind/`;
    const [ownFolders, ours] = await Promise.all([indexFolders(own), sites.length ? entryVersion(own) : '']);
    const checked = await Promise.all(sites.map((site) => probe(site, ours)));
    const notices = checked.flatMap((c) => ('notice' in c ? [c.notice] : []));
    let merged = sites.flatMap((site, i) => { const c = checked[i]!; return 'folders' in c ? [{ site, folders: c.folders }] : []; });
    for (;;) {
      // noWorker: Pagefind's worker copies every match (with its word positions) back to the page,
      // which cost more than the search itself: results after the last key at 1,000 reports 26-31 ms
      // with the worker, 14 ms without; at 5,000, 136-165 ms against 51 ms. It also spares a 12 KB
      // download. The price, at 5,000 reports, is a 50-70 ms task per keystroke on this thread.
      const mine = { baseUrl: base, ...RESULTS, ...(merged.length ? { mergeFilter: { site: ownId } } : {}) };
      await pagefind.options({ ...mine, noWorker: true });
      // A large site's index comes in parts (src/integrations/search-index.ts); most sites have one.
      for (const part of ownFolders.slice(1)) await pagefind.mergeIndex(part, mine);
      const failed = await mergeSites(pagefind, merged);
      if (!failed) break;
      // Its files passed the probe but not Pagefind: start again without it.
      notices.push(`${failed.name}’s search index could not be loaded; results from it are not shown.`);
      merged = merged.filter((m) => m.site !== failed);
      await pagefind.destroy();
    }
    await pagefind.init();
    return { pagefind, notices };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Merges each site's folders, its pages labelled and weighted; the first site that fails, if one does. */
async function mergeSites(pagefind: Pagefind, merged: { site: Site; folders: string[] }[]): Promise<Site | undefined> {
  for (const { site, folders } of merged) {
    try {
      for (const folder of folders) await pagefind.mergeIndex(folder, { baseUrl: site.url, ...RESULTS, indexWeight: OTHER_SITE_WEIGHT, mergeFilter: { site: site.id } });
    } catch {
      return site;
    }
  }
  return undefined;
}
