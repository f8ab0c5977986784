/**
 * The pages of the site, worked out from the content alone, and the check of the links report
 * bodies make into it. The routes are those of src/pages/ (this is the one place besides the pages
 * that knows them; tests/site/links.test.ts compares this list with a built site), written without
 * the base path, as authors write links: `/reports/<id>/`, `/topics/<id>/2023/`.
 *
 * Pages a list splits into (`/events/<id>/2/`) are not listed: where a list breaks moves as reports
 * are added, so a link to one would rot. Fragments are known for report pages (their heading ids
 * and the frame's that every report page has: src/lib/frame-ids.ts); on other pages any fragment passes.
 *
 * Pure: no files, no Astro.
 */
import { REPORT_PAGE_IDS } from './frame-ids.ts';
import { toolsOf, type ReportRecord } from '../schemas/record.ts';
import type { Problem } from './problems.ts';
import { nearest } from './suggest.ts';
import { KINDS, REGISTRIES, pageKinds, type Registry } from '../site/kinds.ts';

interface Ref {
  id: string;
}

/** What the routes depend on: each report's id, year, topics, draft flag and record; the registries' ids. */
interface SiteReports {
  reports: { id: string; data: { year: number; draft?: boolean; topics: { topic: Ref; sections: string[] }[] }; record: ReportRecord }[];
}
/** …and every registry with pages (src/site/kinds.ts), each entry a page at `/<route>/<id>/`. */
export type SiteContent = SiteReports & Record<Registry, Ref[]>;

export interface Page {
  /** The ids a link may name after "#"; undefined when they are not known here (any passes). */
  fragments?: Set<string>;
  /** A draft report: a page in `npm run dev` only. */
  draft?: boolean;
}

/** Pages that are there whatever the content: home, each kind's index (src/site/kinds.ts), search, the feed. */
const fixedPages = ['/', ...pageKinds.map((k) => `/${k.route}/`), '/search/', '/rss.xml'];

/** Every page of the site `content` builds, by path (without the base path). */
export function sitePaths(content: SiteContent): Map<string, Page> {
  const pages = new Map<string, Page>(fixedPages.map((path) => [path, {}]));
  const add = (path: string, page: Page = {}) => pages.set(path, page);
  for (const kind of REGISTRIES) {
    for (const { id } of content[kind]) add(`/${KINDS[kind].pages.route}/${id}/`);
  }
  for (const { id, data, record } of content.reports) {
    add(`/reports/${id}/`, { fragments: new Set([...record.headings.map((h) => h.id), ...REPORT_PAGE_IDS]), ...(data.draft && { draft: true }) });
    if (data.draft) continue;
    // Year pages exist for years something was published in: the year, each topic's and each tool's.
    add(`/years/${data.year}/`);
    for (const { topic, sections } of data.topics) if (sections.length) add(`/topics/${topic.id}/${data.year}/`);
    for (const tool of toolsOf(record)) add(`/tools/${tool}/${data.year}/`);
  }
  return pages;
}

/**
 * Year pages, which other reports may give rise to: `npm run check -- <file>` checks some reports
 * only and does not know the others' years, so it lets links to these through.
 */
const yearPage = /^\/(?:years|topics\/[^/]+|tools\/[^/]+)\/\d{4}\/$/;

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
const quoted = (ids: Iterable<string>) => [...ids].map((id) => `"#${id}"`).join(', ');

export interface LinkCheckOptions {
  /** Reports whose pages are not known here (not read, or not readable): links to them pass. */
  otherReports?: string[];
  /** Some reports only were read (`npm run check -- <file>`): links to year pages pass. */
  partial?: boolean;
}

/**
 * Every in-site link of every report's body (its record's `links`) must name a page of the site
 * (a published one, from a published report) and, where the page's ids are known, one of them.
 * Relative links are read from the report's own page. Returns one problem per bad link.
 */
export function checkLinks(reports: (SiteContent['reports'][number] & { file: string })[], sitePages: Map<string, Page>, options: LinkCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const { partial = false } = options;
  const pages = new Map(sitePages);
  for (const id of options.otherReports ?? []) if (!pages.has(`/reports/${id}/`)) pages.set(`/reports/${id}/`, {});
  const origin = 'https://site.invalid';
  for (const { id, file, data, record } of reports) {
    const here = `/reports/${id}/`;
    for (const link of record.links) {
      const url = new URL(link.url, `${origin}${here}`);
      const path = decode(url.pathname);
      const fragment = decode(url.hash.slice(1));
      const problem = (message: string) => problems.push({ file, ...(link.line && { line: link.line }), field: 'link', message });
      const page = pages.get(path);
      if (!page) {
        if (partial && yearPage.test(path)) continue;
        const guess = nearest(path, pages.keys());
        problem(`expected a page of this site, found ${JSON.stringify(link.url)}${guess ? `; did you mean ${JSON.stringify(`${guess}${url.search}${url.hash}`)}?` : '; link to a page that exists, or remove the link'}`);
      } else if (page.draft && !data.draft) {
        problem(`expected a published page of this site, found ${JSON.stringify(link.url)}, a draft; publish it first, or remove the link`);
      } else if (fragment && page.fragments && !page.fragments.has(fragment)) {
        const headings = [...page.fragments].filter((f) => !REPORT_PAGE_IDS.includes(f));
        const guess = nearest(fragment, page.fragments);
        problem(`expected a heading id of ${JSON.stringify(path)}, found ${JSON.stringify(`#${fragment}`)}${guess ? `; did you mean "#${guess}"?` : headings.length ? `; its heading ids are ${quoted(headings)}` : '; it has no headings'}`);
      }
    }
  }
  return problems;
}
