/**
 * The query layer: every collection is read here, once, checked across collections, and turned
 * into the catalog that pages import. Pages never call getCollection themselves.
 *
 * `npm run check` (which `npm run build` runs first) has already checked everything with the same
 * code; the report checks run here again so `astro dev` and a bare `astro build` stop on bad
 * content too. Drafts are left out of production builds.
 */
import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { buildCatalog } from '../lib/catalog.ts';
import { contentError } from '../lib/problems.ts';
import { relatedReading, reportFeatures } from '../lib/related.ts';
import { checkLinks, sitePaths } from '../lib/site-paths.ts';
import { checkReports } from '../lib/validate.ts';
import { reportRecordSchema } from '../schemas/record.ts';
import { splitReport } from '../lib/source-text.ts';
import { siteRenderer } from '../markdown/renderer.ts';
import { editUrlFor } from '../lib/edit-url.ts';
import { parseYaml } from '../lib/yaml.ts';
import { contentDir, contentPaths, readContent, repoSettings, siteBase } from '../paths.ts';
import { configProblems } from '../config.ts';
import { REGISTRIES, type Entries, type Registry } from '../site/kinds.ts';
import { readHistory } from './history.ts';
import { localImagesKey } from '../media/images.ts';

// Git's history of the content folder is read meanwhile (one `git log`, src/data/history.ts).
const historyRead = readHistory(contentDir);
const [allReports, ...registryEntries] = await Promise.all([getCollection('reports'), ...REGISTRIES.map((kind) => getCollection(kind))]);
/**
 * Every registry with pages (src/site/kinds.ts), each entry with its id, in file order; their schemas
 * checked them as they loaded. The catalog resolves the references of the ones it knows; a new
 * kind's pages can start from its list here.
 */
export const registries = Object.fromEntries(REGISTRIES.map((kind, i) => [kind, registryEntries[i]!.map((e) => ({ id: e.id, ...(e.data as object) }))])) as Entries;
const reportEntries = allReports.filter((entry) => import.meta.env.DEV || !entry.data.draft);

// Bodies come through the render contract (src/markdown/renderer.ts), from the cache the content
// loader has just filled: Astro's data store holds frontmatter only. A body's HTML is read when its
// page is rendered, so thousands of reports' HTML are never in memory at once.
const renderer = siteRenderer();
const fileOf = (entry: (typeof reportEntries)[number]) => entry.filePath ?? `${contentPaths.reports}/${entry.id}.mdx`;
/** A content file's text (line endings normalized), or our error: it may have changed since it was loaded. */
const textOf = (file: string) => {
  const { text, problems } = readContent(file, contentDir);
  if (text === undefined) throw contentError(problems);
  return text;
};
const renderedOf = (file: string, text = textOf(file), use: 'record' | 'page' = 'record') => {
  const body = splitReport(text, file).parts?.body ?? '';
  const result = renderer.body({ file, body }, use);
  if (result.html === undefined || !result.record) throw contentError(result.problems.map((p) => ({ file, ...p })));
  return result;
};

const hash = (text: string) => createHash('sha1').update(text).digest('base64url');
/** Each report's revision: a hash of its file, which is all a report's page draws from it. */
const revisions = new Map<string, string>();

const reports = reportEntries.map((entry) => {
  const file = fileOf(entry);
  const text = textOf(file);
  revisions.set(entry.id, hash(`${text}\0${localImagesKey(file, text)}`));
  const parsed = reportRecordSchema.safeParse(renderedOf(file, text).record);
  if (!parsed.success) throw new Error(`${file}: the report pipeline's record is malformed: ${parsed.error.message}`);
  return { id: entry.id, file, ...entry.data, record: parsed.data };
});

const inputs = reports.map(({ id, file, record, ...data }) => ({ id, file, data, record }));
const problems = [
  ...checkReports(inputs, registries),
  ...checkLinks(inputs, sitePaths({ reports: inputs, ...registries })),
];
if (problems.length) throw contentError(problems);
// The environment's settings (src/config.ts), for a bare `astro build`; `npm run check` reports them too.
if (configProblems.length) throw contentError(configProblems);

/** When each file last changed (one `git log` for the whole folder) and its path in the repository. */
const history = await historyRead;
/** Where "Edit this page" links go (README, "Edit links"); none when no repository is set. */
const edit = editUrlFor(repoSettings);
if (edit.problems.length) throw contentError(edit.problems);

/**
 * Each registry entry's edit link, at the line of its id, located as the check locates a problem
 * in it (src/lib/yaml.ts); the registries are read for this only when there are links.
 */
const entryLinks = new Map<Registry, Map<string, string>>(edit.editUrl
  ? REGISTRIES.map((kind) => {
    const file = contentPaths[kind];
    const yaml = parseYaml(textOf(file), file);
    const path = history.repoPath(file);
    return [kind, new Map(Object.keys(yaml.data ?? {}).map((id) => [id, edit.editUrl!(path, yaml.lineOf([id]))]))];
  })
  : []);

/** What a page shows about its source: where to edit it and, for a report, when it last changed. */
export interface PageSource {
  editUrl?: string;
  /** The committer date (ISO 8601) of the last commit that changed the report's file, if known. */
  updated?: string;
}

const reportFiles = new Map(reports.map((r) => [r.id, r.file]));
/** The source of a report's page or a registry entry's; part of that page's `pageKey`. */
export function sourceOf(kind: 'reports' | Registry, id: string): PageSource {
  if (kind !== 'reports') return { editUrl: entryLinks.get(kind)?.get(id) };
  const file = reportFiles.get(id)!;
  return { editUrl: edit.editUrl?.(history.repoPath(file)), updated: history.updated(file) };
}
if (history.shallow) {
  const undated = reports.filter((r) => !history.updated(r.file)).length;
  if (undated) console.warn(`Last updated: ${undated} of ${reports.length} reports show no date, as this is a shallow clone whose history stops after their last change; build from a full clone (e.g. actions/checkout with fetch-depth: 0) to date them all.`);
}

export const catalog = buildCatalog({ reports, ...registries });

/** Each report's three most related reports and what they share, computed once for the whole catalog. */
export const relatedByReport = relatedReading(catalog.reports, reportFeatures);

/**
 * The rendered body of a report (HTML), for its page; read from the renderer's cache when asked,
 * and used only when it passes the output check (src/markdown/safe-html.ts).
 */
export const htmlOf = (id: string) => renderedOf(reportFiles.get(id)!, undefined, 'page').html!;

/**
 * Everything else any page draws on: the registries (events, tools, topics, people, talks,
 * taxonomy) and the renderer (its code, tool spellings and base, as in the renderer's cache key).
 */
const siteRevision = hash([renderer.key, ...Object.entries(contentPaths)
  .filter(([name]) => name !== 'reports' && name !== 'sources')
  .map(([, path]) => readContent(path, contentDir).text ?? '')].join('\0'));

/**
 * A page's `cacheKey` for Astro's incremental build (`experimental.incrementalBuild` in
 * astro.config.mjs): Astro copies the page from the previous build when this key and the page's
 * code are unchanged. So it must change whenever anything the page shows can: the reports it
 * draws on (their revisions: list every report whose title, text or facts it shows, including
 * neighbours and related reading), the registries and renderer (`siteRevision`), and `extra`, any
 * other data it shows (e.g. how many reports each year has; its `sourceOf`, whose date comes from
 * git and whose link from the environment, neither of which is in a file's revision). A test
 * builds the fixture site incrementally after edits and compares it with a full build.
 */
export function pageKey(pageReports: Iterable<{ id: string }>, extra?: unknown): string {
  const ids = new Set<string>();
  for (const r of pageReports) ids.add(r.id);
  return hash([siteRevision, ...[...ids].map((id) => `${id}:${revisions.get(id)}`), JSON.stringify(extra ?? null)].join('\0'));
}
