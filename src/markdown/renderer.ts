/**
 * The render contract: how the content loader, the query layer and the check get a report body's
 * HTML and record. A renderer is built once per set of render options (`siteRenderer()` for the
 * site's, src/markdown/cache.ts builds them); its `key` is the one cache key of those options, so no
 * caller computes one, and its pipeline is created once, the first time a body must be rendered.
 *
 * - the loader (src/loaders/reports.ts): `load`, which renders every new body into the cache (on
 *   every core) and says what is wrong with each; it keeps no HTML (Astro's data store holds
 *   frontmatter only, see there);
 * - the query layer (src/data/index.ts): `body` for each report's record, `body(…, 'page')` for a
 *   page's HTML, read from the cache when the page is rendered, so thousands of reports' HTML are
 *   never in memory at once; `key` in every page's cache key;
 * - the check (src/check/index.ts): `warm` on every core first, then `body` for each report.
 *
 * Every entry read from the cache is digest-checked, and HTML for a page passes the output check
 * (src/markdown/safe-html.ts), cached or fresh (src/markdown/rendered.ts).
 */
import { existsSync } from 'node:fs';
import type { Problem } from '../lib/problems.ts';
import { cacheFile, pipelineKey, siteRenderOptions, type RenderOptions } from './cache.ts';
import { createReportProcessor } from './pipeline.ts';
import { warmCache } from './render.ts';
import { renderBody, renderNow, type BodyInput, type RenderedBody } from './rendered.ts';

export type { RenderOptions } from './cache.ts';
export type { BodyInput, RenderedBody } from './rendered.ts';

export interface ReportRenderer {
  /** A hash of the pipeline's code and options: part of every cache key, of the loader's digests and of each page's key. */
  readonly key: string;
  /**
   * A body's record and problems, and its HTML when it has none: from the cache, or rendered now
   * (and cached). `'page'`: the HTML a page shows, whose cached copy must pass the output check.
   */
  body(input: BodyInput, use?: 'record' | 'page'): RenderedBody;
  /** Renders every body the cache lacks, on every core; bodies with problems are rendered again when read. */
  warm(inputs: BodyInput[]): Promise<void>;
  /** Each body's problems, in the order of `inputs`, after rendering the new ones into the cache (on every core). */
  load(inputs: BodyInput[]): Promise<Omit<Problem, 'file'>[][]>;
}

const renderers = new Map<string, ReportRenderer>();

/** The renderer for `options`, built once per options (worker threads and tests pass their own). */
export function reportRenderer(options: RenderOptions): ReportRenderer {
  const key = pipelineKey(options);
  const known = renderers.get(key);
  if (known) return known;
  let processor: ReturnType<typeof createReportProcessor> | undefined;
  const processorOf = () => (processor ??= createReportProcessor({ ...options, strict: false }));
  const renderer: ReportRenderer = {
    key,
    body: (input, use = 'record') => renderBody(input, key, processorOf, use === 'page'),
    warm: (inputs) => warmCache(inputs, options, key, processorOf),
    async load(inputs) {
      await warmCache(inputs, options, key, processorOf);
      // What the cache holds had no problems (entries are written only then; the query layer reads
      // each one digest-checked). The rest were not cached because of their problems: rendered
      // again, to report them.
      return inputs.map((input) => (existsSync(cacheFile(key, input)) ? [] : renderNow(input, processorOf).problems));
    },
  };
  renderers.set(key, renderer);
  return renderer;
}

/** The site's renderer: the content folder's tools and the base path (read again each call, so `astro dev` sees tools.yaml change). */
export const siteRenderer = (): ReportRenderer => reportRenderer(siteRenderOptions());
