import { defineCollection, reference } from 'astro:content';
import { reportSchema, type RefFactory } from './schemas/report.ts';
import { registryLoader } from './loaders/registries.ts';
import { reportsLoader } from './loaders/reports.ts';
import { siteRenderer } from './markdown/renderer.ts';
import { contentPaths } from './paths.ts';
import { KINDS, REGISTRIES, type Registry } from './site/kinds.ts';

// Registries are read with our YAML reader, as `npm run check` reads them (src/loaders/registries.ts).
// Cross-collection rules (year/city agree with the event, ids exist, tools match the text,
// topic sections exist) are checked in src/data/, where every collection is at hand.
/** A registry's collection: its file read by our loader, each entry through its schema (src/site/kinds.ts). */
const registry = <K extends Registry>(kind: K) => defineCollection({ loader: registryLoader(contentPaths[kind]), schema: KINDS[kind].schema as (typeof KINDS)[K]['schema'] });
const registries = Object.fromEntries(REGISTRIES.map((kind) => [kind, registry(kind)])) as { [K in Registry]: ReturnType<typeof registry<K>> };

export const collections = {
  reports: defineCollection({
    // The file name is the id and the URL: no `slug` override, so two files can never collide.
    // Bodies are rendered to HTML by our pipeline, cached by content (src/loaders/reports.ts).
    loader: reportsLoader({ dir: contentPaths.reports, renderer: siteRenderer }),
    schema: reportSchema(reference as RefFactory),
  }),
  ...registries,
};
