import { defineCollection, reference } from 'astro:content';
import { eventSchema, personSchema, talkSchema, toolSchema, topicSchema } from './schemas/registries.ts';
import { reportSchema, type RefFactory } from './schemas/report.ts';
import { registryLoader } from './loaders/registries.ts';
import { reportsLoader } from './loaders/reports.ts';
import { siteRenderer } from './markdown/renderer.ts';
import { contentPaths } from './paths.ts';

// Registries are read with our YAML reader, as `npm run check` reads them (src/loaders/registries.ts).
// Cross-collection rules (year/city agree with the event, ids exist, tools match the text,
// topic sections exist) are checked in src/data/, where every collection is at hand.
export const collections = {
  reports: defineCollection({
    // The file name is the id and the URL: no `slug` override, so two files can never collide.
    // Bodies are rendered to HTML by our pipeline, cached by content (src/loaders/reports.ts).
    loader: reportsLoader({ dir: contentPaths.reports, renderer: siteRenderer }),
    schema: reportSchema(reference as RefFactory),
  }),
  events: defineCollection({ loader: registryLoader(contentPaths.events), schema: eventSchema }),
  tools: defineCollection({ loader: registryLoader(contentPaths.tools), schema: toolSchema }),
  topics: defineCollection({ loader: registryLoader(contentPaths.topics), schema: topicSchema }),
  people: defineCollection({ loader: registryLoader(contentPaths.people), schema: personSchema }),
  talks: defineCollection({ loader: registryLoader(contentPaths.talks), schema: talkSchema }),
};
