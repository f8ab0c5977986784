/**
 * The search state and its address: `?q=operators&year=2022&tool=crossplane&tool=helm&sort=newest`.
 * Facet values are the stable ids the report pages give Pagefind. `type` narrows by kind of page:
 * `?q=helm&type=tool&type=report` (values: report, topic, tool, event, talk, person; every indexed
 * page carries one, from src/lib/page-type.ts; a talk page with the programme's abstract also carries
 * `programme`, so `?type=programme` finds programme text apart from our reports). `site` narrows by
 * site when other sites' indexes are merged (content/sites.yaml): `?site=here` is this site. The facets
 * and their order come from the table of kinds (src/site/kinds.ts, `FACETS`), embedded in the page as
 * JSON; a state's `filters` has one key per facet, in that order. Pure functions, no DOM.
 */
import type { Filters, SearchOptions } from './pagefind.ts';

/** A facet's id, e.g. "year" (src/site/kinds.ts, `FACETS`). */
export type Facet = string;

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
  /** "relevance" ranks by match; without a query the newest events come first instead. */
  sort: Sort;
}

/** The facets of a state, in the search page's order. */
const facetsOf = (state: SearchState) => Object.keys(state.filters);

/** Reads a state from query parameters for the page's `facets`; ignores unknown parameters and repeated values. */
export function readState(params: URLSearchParams, facets: readonly Facet[]): SearchState {
  const filters: Record<Facet, string[]> = {};
  for (const facet of facets) filters[facet] = [...new Set(params.getAll(facet).filter(Boolean))];
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'relevance',
  };
}

/** The query string for a state, with a leading "?", or "" for the empty state. Order is stable. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of facetsOf(state)) for (const value of state.filters[facet]!) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const hasFilters = (state: SearchState, except?: Facet) =>
  facetsOf(state).some((f) => f !== except && state.filters[f]!.length > 0);

export const isEmpty = (state: SearchState) => !state.q.trim() && !hasFilters(state);

/** A filter no page fails: it narrows nothing, but makes Pagefind load that facet's chunk and count it. */
export const COUNT_ONLY = { none: ['\u0000'] } as const;

/**
 * Pagefind's search options for a state; `except` leaves one facet out (for that facet's counts).
 * `counted` facets get counts without narrowing (Pagefind only counts facets it has loaded, and
 * loads a facet's chunk only when a search names it: so the page asks for the facets it shows).
 */
export function searchOptions(state: SearchState, except?: Facet, counted: readonly Facet[] = []): SearchOptions {
  const filters: Filters = {};
  for (const facet of counted) filters[facet] = { ...COUNT_ONLY, none: [...COUNT_ONLY.none] };
  for (const facet of facetsOf(state)) {
    if (facet !== except && state.filters[facet]!.length) filters[facet] = { any: state.filters[facet]! };
  }
  const sort = state.sort === 'relevance' && !state.q.trim() ? 'newest' : state.sort;
  return {
    filters,
    ...(sort === 'newest' ? { sort: { date: 'desc' } } : sort === 'oldest' ? { sort: { date: 'asc' } } : {}),
  };
}
