/**
 * The other Hallway Track sites our search page merges (`content/sites.yaml`, see README "Search
 * across teams"), read once. One setting feeds both the search page and the CSP's `connect-src`,
 * so the page can reach exactly the sites it lists. No Astro imports: astro.config.mjs reads it.
 */
import { OWN_SITE_ID, readSites } from '../check/index.ts';
import { formatProblems } from '../lib/problems.ts';
import { contentDir } from '../paths.ts';

export { OWN_SITE_ID };

/** What the search page needs of a site: its id (the "Site" filter's value), name and base URL. */
export interface FederatedSite {
  id: string;
  name: string;
  url: string;
}

/** The listed sites; throws our problem format when sites.yaml has problems (the check reports them first). */
export function federatedSites(dir = contentDir): FederatedSite[] {
  const { sites, problems } = readSites(dir);
  if (problems.length) throw new Error(formatProblems(problems));
  return sites.map(({ id, name, url }) => ({ id, name, url }));
}

/** The origins the search page fetches index files from, for `connect-src`. */
export const siteOrigins = (sites: FederatedSite[]) => [...new Set(sites.map((s) => new URL(s.url).origin))];
