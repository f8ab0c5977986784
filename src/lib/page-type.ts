/**
 * The kind of page a URL is, for the search page's "type" facet: the first path segment after the
 * site's base, singular ("reports/x/" → "report"). Pure, no Astro imports.
 */
export const PAGE_TYPES = { reports: 'report', topics: 'topic', tools: 'tool', events: 'event', talks: 'talk', people: 'person' } as const;
export type PageType = (typeof PAGE_TYPES)[keyof typeof PAGE_TYPES];

/** The type of the page at `pathname` under `base`, or undefined for pages outside those sections and for the section indexes. */
export function pageType(pathname: string, base = '/'): PageType | undefined {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const [section, item] = rest.split('/');
  if (!item) return undefined; // "/reports/" itself is a list, not a report
  return (PAGE_TYPES as Record<string, PageType>)[section ?? ''];
}
