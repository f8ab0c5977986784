import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { eventSchema, toolSchema, topicSchema } from './schemas/registries.ts';
import { reportSchema, type RefFactory } from './schemas/report.ts';
import { contentPaths } from './paths.ts';

// Cross-collection rules (year/city agree with the event, ids exist, tools match the text,
// topic sections exist) are checked in src/data/, where every collection is at hand.
export const collections = {
  reports: defineCollection({
    // The file name is the id and the URL: no `slug` override, so two files can never collide.
    loader: glob({ base: contentPaths.reports, pattern: '**/*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
    schema: reportSchema(reference as RefFactory),
  }),
  events: defineCollection({ loader: file(contentPaths.events), schema: eventSchema }),
  tools: defineCollection({ loader: file(contentPaths.tools), schema: toolSchema }),
  topics: defineCollection({ loader: file(contentPaths.topics), schema: topicSchema }),
};
