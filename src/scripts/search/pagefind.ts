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

export interface Pagefind {
  /** `noWorker`: search in this thread instead of Pagefind's Web Worker (read by Pagefind 1.6's wrapper, not in its docs). */
  options(options: { baseUrl?: string; excerptLength?: number; ranking?: { pageLength?: number }; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  /** A null term with filters lists every page matching the filters. */
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
  /** Resolves to null when a newer call superseded this one. */
  debouncedSearch(term: string | null, options: SearchOptions, ms: number): Promise<SearchResponse | null>;
  /** Counts over the whole index. */
  filters(): Promise<FilterCounts>;
  /** Adds another bundle's pages to every search. */
  mergeIndex(url: string, options?: { baseUrl?: string }): Promise<void>;
}

let loading: Promise<Pagefind> | undefined;

/** Imports and initialises Pagefind under the site's `base`; later calls share the first load. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // pageLength: Pagefind favours short pages by default (0.75), which put every one-paragraph
    // tool and topic page above the reports; 0.1 keeps the best hub first, then the reports.
    // noWorker: Pagefind's worker copies every match (with its word positions) back to the page,
    // which cost more than the search itself: results after the last key at 1,000 reports 26-31 ms
    // with the worker, 14 ms without; at 5,000, 136-165 ms against 51 ms. It also spares a 12 KB
    // download. The price, at 5,000 reports, is a 50-70 ms task per keystroke on this thread.
    await pagefind.options({ baseUrl: base, excerptLength: 26, ranking: { pageLength: 0.1 }, noWorker: true });
    // A large site's index comes in parts (src/integrations/search-index.ts); most sites have one.
    const parts = (await fetch(`${base}pagefind/parts.json`).then((r) => (r.ok ? r.json() : []), () => [])) as string[];
    for (const part of parts) await pagefind.mergeIndex(`${base}pagefind/${part}`, { baseUrl: base });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
