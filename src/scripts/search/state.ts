/**
 * The search state and its address: `?q=operators&year=2022&tool=crossplane&tool=helm&sort=newest`.
 * Facet values are the stable ids the report pages give Pagefind. Pure functions, no DOM.
 */
import type { Filters, SearchOptions } from './pagefind.ts';

/** The facets, in the order the search page shows them. */
export const FACETS = ['year', 'event', 'topic', 'tool', 'talk', 'speaker', 'author', 'city'] as const;
export type Facet = (typeof FACETS)[number];

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
  /** "relevance" ranks by match; without a query the newest events come first instead. */
  sort: Sort;
}

export const emptyFilters = (): Record<Facet, string[]> =>
  Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>;

/** Reads a state from query parameters; ignores unknown parameters and repeated values. */
export function readState(params: URLSearchParams): SearchState {
  const filters = emptyFilters();
  for (const facet of FACETS) filters[facet] = [...new Set(params.getAll(facet).filter(Boolean))];
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
  for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const hasFilters = (state: SearchState, except?: Facet) =>
  FACETS.some((f) => f !== except && state.filters[f].length > 0);

export const isEmpty = (state: SearchState) => !state.q.trim() && !hasFilters(state);

/** Pagefind's search options for a state; `except` leaves one facet out (for that facet's counts). */
export function searchOptions(state: SearchState, except?: Facet): SearchOptions {
  const filters: Filters = {};
  for (const facet of FACETS) {
    if (facet !== except && state.filters[facet].length) filters[facet] = { any: state.filters[facet] };
  }
  const sort = state.sort === 'relevance' && !state.q.trim() ? 'newest' : state.sort;
  return {
    filters,
    ...(sort === 'newest' ? { sort: { date: 'desc' } } : sort === 'oldest' ? { sort: { date: 'asc' } } : {}),
  };
}
