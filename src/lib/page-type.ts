/**
 * The kind of page a URL is, for the search page's "type" facet: the first path segment after the
 * site's base, singular ("reports/x/" → "report"), from the table of kinds (src/site/kinds.ts). Pure, no Astro imports.
 */
import { pageKinds } from '../site/kinds.ts';

const PAGE_TYPES = new Map(pageKinds.map((k) => [k.route, k.searchType]));

/** The type of the page at `pathname` under `base`, or undefined for pages outside those sections and for the section indexes. */
export function pageType(pathname: string, base = '/'): string | undefined {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const [section, item] = rest.split('/');
  if (!item) return undefined; // "/reports/" itself is a list, not a report
  return PAGE_TYPES.get(section ?? '');
}
