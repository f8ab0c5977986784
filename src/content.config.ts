import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { eventSchema, personSchema, talkSchema, toolSchema, topicSchema } from './schemas/registries.ts';
import { reportSchema, type RefFactory } from './schemas/report.ts';
import { reportsLoader } from './loaders/reports.ts';
import { readToolSpellings } from './markdown/tool-spellings.ts';
import { contentPaths, siteBase } from './paths.ts';
import { formatProblems } from './lib/problems.ts';
import { parseYaml } from './lib/yaml.ts';

/** Registries are read with our YAML reader (no aliases, errors with lines), as `npm run check` reads them. */
const registry = (path: string) => (text: string) => {
  const { data, problems } = parseYaml(text, path);
  if (problems.length) throw new Error(formatProblems(problems));
  return data as Record<string, Record<string, unknown>>;
};

// Cross-collection rules (year/city agree with the event, ids exist, tools match the text,
// topic sections exist) are checked in src/data/, where every collection is at hand.
export const collections = {
  reports: defineCollection({
    // The file name is the id and the URL: no `slug` override, so two files can never collide.
    // Bodies are rendered to HTML by our pipeline, cached by content (src/loaders/reports.ts).
    loader: reportsLoader({ dir: contentPaths.reports, render: () => ({ tools: readToolSpellings(contentPaths.tools), base: siteBase }) }),
    schema: reportSchema(reference as RefFactory),
  }),
  events: defineCollection({ loader: file(contentPaths.events, { parser: registry(contentPaths.events) }), schema: eventSchema }),
  tools: defineCollection({ loader: file(contentPaths.tools, { parser: registry(contentPaths.tools) }), schema: toolSchema }),
  topics: defineCollection({ loader: file(contentPaths.topics, { parser: registry(contentPaths.topics) }), schema: topicSchema }),
  people: defineCollection({ loader: file(contentPaths.people, { parser: registry(contentPaths.people) }), schema: personSchema }),
  talks: defineCollection({ loader: file(contentPaths.talks, { parser: registry(contentPaths.talks) }), schema: talkSchema }),
};
