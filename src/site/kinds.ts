/**
 * The kinds of entry, in one table: each collection's file in the content folder, its schema, and,
 * for kinds with pages, its route, labels and search type. Paths (src/paths.ts), the content config,
 * registry reading (the check and the query layer), page types, the nav and browse lists and the
 * search page's facets and labels are derived from here, so a new kind is a row here, its schema,
 * its pages and its fixture entries (README, "Where to add a kind").
 *
 * The order is the nav's (and the search page's browse list's).
 */
import type { z } from 'astro/zod';
import { eventSchema, personSchema, siteSchema, sourceNotesSchema, talkSchema, taxonomySchema, toolSchema, topicSchema } from '../schemas/registries.ts';

/** A kind's pages: `/<route>/` lists the entries, `/<route>/<id>/` shows one. */
export interface Pages {
  route: string;
  /** What one page is, singular: the value of the search page's "type" facet (`?type=person`). */
  searchType: string;
  /** The kind's name in the nav, and in the "type" facet's values. */
  plural: string;
  /** The browse list on the search page (and when JavaScript is off): its label and what orders the list. */
  browse: { label: string; note: string };
  /** Further values of the "type" facet a page of this kind may carry, with their names. */
  moreTypes?: Record<string, string>;
}

interface Kind {
  /** The file or folder in the content folder. */
  path: string;
  /** A registry is a YAML map of id → entry (each entry through `schema`); `single` is one object. */
  shape: 'registry' | 'single' | 'folder';
  schema?: z.ZodType;
  pages?: Pages;
}

const page = (route: string, searchType: string, plural: string, note: string, label = plural): Pages => ({ route, searchType, plural, browse: { label, note } });

export const KINDS = {
  events: { path: 'events.yaml', shape: 'registry', schema: eventSchema, pages: page('events', 'event', 'Events', 'by year') },
  topics: { path: 'topics.yaml', shape: 'registry', schema: topicSchema, pages: page('topics', 'topic', 'Topics', 'across the years') },
  /** A talk page with the programme's abstract is also of type `programme`: programme text apart from our reports. */
  talks: { path: 'talks.yaml', shape: 'registry', schema: talkSchema, pages: { ...page('talks', 'talk', 'Talks', 'by event'), moreTypes: { programme: 'Programme abstracts' } } },
  people: { path: 'people.yaml', shape: 'registry', schema: personSchema, pages: page('people', 'person', 'People', 'speakers and authors') },
  tools: { path: 'tools.yaml', shape: 'registry', schema: toolSchema, pages: page('tools', 'tool', 'Tools', 'by category') },
  /** Frontmatter schema: src/schemas/report.ts (it needs a reference factory, Astro's or the check's). */
  reports: { path: 'reports', shape: 'folder', pages: page('reports', 'report', 'Reports', 'newest first', 'All reports') },
  /** Kept captures `<report id>.txt`, with notes `<report id>.yaml`. */
  sources: { path: 'sources', shape: 'folder', schema: sourceNotesSchema },
  /** The closed lists (event series, tool categories). */
  taxonomy: { path: 'taxonomy.yaml', shape: 'single', schema: taxonomySchema },
  /** Other sites the search page merges (federation); may be absent (src/check/index.ts, `readSites`). */
  sites: { path: 'sites.yaml', shape: 'registry', schema: siteSchema },
} as const satisfies Record<string, Kind>;

export type KindName = keyof typeof KINDS;
type KindsWhere<Shape> = { [K in KindName]: (typeof KINDS)[K] extends Shape ? K : never }[KindName];
/** The registries with pages: an id of one is an entry that has its page and may be referenced. */
export type Registry = KindsWhere<{ shape: 'registry'; pages: Pages }>;
/** The registries' entries as their schemas give them, with their id. */
export type Entry<K extends Registry> = z.infer<(typeof KINDS)[K]['schema']> & { id: string };
export type Entries = { [K in Registry]: Entry<K>[] };
/** The kinds with pages, in nav order. */
export type PageKind = KindsWhere<{ pages: Pages }>;

const names = Object.keys(KINDS) as KindName[];
export const REGISTRIES = names.filter((k): k is Registry => KINDS[k].shape === 'registry' && 'pages' in KINDS[k]);
const PAGE_KINDS = names.filter((k): k is PageKind => 'pages' in KINDS[k]);
/** Each kind with pages, with its pages' facts, in nav order. */
export const pageKinds = PAGE_KINDS.map((kind) => ({ kind, ...KINDS[kind].pages }));

/**
 * The search page's facets, in the order it shows them: `open` ones are counted with the first
 * search, the others when opened. Report pages file themselves under every facet but `site` (given
 * to other sites' pages when their indexes are merged) and `type` (from the page's URL, its kind).
 */
export const FACETS = [
  { id: 'site', label: 'Site', open: true },
  { id: 'type', label: 'Type', open: true },
  { id: 'year', label: 'Year', open: true },
  { id: 'event', label: 'Event' },
  { id: 'topic', label: 'Topic' },
  { id: 'tool', label: 'Tool' },
  { id: 'talk', label: 'Talk' },
  { id: 'speaker', label: 'Speaker' },
  { id: 'author', label: 'Author' },
  { id: 'city', label: 'City' },
] as const;
export type FacetId = (typeof FACETS)[number]['id'];
/** The facets a report page files itself under (src/lib/catalog.ts, `reportFacets`). */
export type ReportFacet = Exclude<FacetId, 'site' | 'type'>;

/** What the search page needs to know of the facets and page types, embedded in it as JSON. */
export const searchVocabulary = () => ({
  facets: FACETS.map((f): { id: string; label: string; open: boolean } => ({ id: f.id, label: f.label, open: 'open' in f && f.open })),
  types: Object.fromEntries(pageKinds.flatMap((k) => [[k.searchType, k.plural], ...Object.entries(('moreTypes' in k && k.moreTypes) || {})])),
});
export type SearchVocabulary = ReturnType<typeof searchVocabulary>;
