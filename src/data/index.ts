/**
 * The query layer: every collection is read here, once, checked across collections, and turned
 * into the catalog that pages import. Pages never call getCollection themselves.
 */
import { getCollection, render } from 'astro:content';
import type { Section } from '../markdown/rehype-report.ts';
import { buildCatalog } from '../lib/catalog.ts';
import { crossCheck, formatProblems } from '../lib/validate.ts';
import { contentPaths } from '../paths.ts';

const [reportEntries, eventEntries, toolEntries, topicEntries] = await Promise.all([
  getCollection('reports'),
  getCollection('events'),
  getCollection('tools'),
  getCollection('topics'),
]);

const rendered = new Map(
  await Promise.all(reportEntries.map(async (entry) => [entry.id, await render(entry)] as const)),
);
const renderedOf = (id: string) => rendered.get(id)!;

const events = eventEntries.map((e) => ({ id: e.id, ...e.data }));
const topics = topicEntries.map((t) => ({ id: t.id, ...t.data }));
const tools = toolEntries.map((t) => ({ id: t.id, ...t.data }));

const problems = crossCheck(
  reportEntries.map((entry) => ({
    id: entry.id,
    file: entry.filePath ?? `${contentPaths.reports}/${entry.id}.mdx`,
    data: entry.data,
    body: entry.body ?? '',
    headingIds: renderedOf(entry.id).headings.map((h) => h.slug),
  })),
  {
    eventsFile: contentPaths.events,
    topicsFile: contentPaths.topics,
    events,
    topics,
    tools,
  },
);
if (problems.length) throw new Error(formatProblems(problems));

export const catalog = buildCatalog({
  reports: reportEntries.map((entry) => {
    const fm = renderedOf(entry.id).remarkPluginFrontmatter as { sections?: Section[]; intro?: string };
    return { id: entry.id, ...entry.data, sections: fm.sections ?? [], intro: fm.intro ?? '' };
  }),
  events,
  topics,
  tools,
});

/** The rendered body of a report, for its page. */
export const contentOf = (id: string) => renderedOf(id).Content;
