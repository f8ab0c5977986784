/**
 * The report pipeline, defined once: the site build (astro.config.mjs, through Astro's unified
 * MDX processor) and `npm run check` (which runs it without Astro) use the same plugins in the
 * same order, so both derive the same heading ids, sections and tool mentions.
 *
 * Order matters: the guard runs first, before smartypants or anything else touches the tree.
 */
import type { RehypePlugins, RemarkPlugin, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import type { Matchable } from '../lib/mentions.ts';
import { remarkGuard } from './guard.ts';
import { rehypeReport } from './rehype-report.ts';

export interface PipelineOptions {
  /** Registry tools (id + spellings). */
  tools: Matchable[];
  /** Site base path, e.g. "/" or "/kb/". */
  base: string;
  /** Throw on bad content (the build) or only record it on the file (`npm run check`). */
  strict: boolean;
}

/** For `unified({ gfm: false, smartypants: false, remarkPlugins })`: Astro's own gfm and smartypants would run before the guard. */
export const remarkPlugins = ({ strict }: PipelineOptions): RemarkPlugins => [
  [remarkGuard, { strict }],
  remarkGfm,
  remarkSmartypants as RemarkPlugin,
];

export const rehypePlugins = (options: PipelineOptions): RehypePlugins => [[rehypeReport, options]];

/** MDX node types remark-rehype hands on untouched, as @mdx-js/mdx does. */
const mdxNodeTypes: NonNullable<ToHastOptions['passThrough']> = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/**
 * The same pipeline without Astro, up to the HTML tree: `processor.run(processor.parse(file), file)`.
 * `typography: false` leaves out smartypants (a third of the time): quotes and dashes then stay as
 * typed, which changes no heading id and no tool mention, only the look of recorded sentences.
 */
export function createReportProcessor(options: PipelineOptions & { typography?: boolean }) {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGuard, { strict: options.strict }).use(remarkGfm);
  if (options.typography !== false) processor.use(remarkSmartypants);
  return processor.use(remarkRehype, { passThrough: mdxNodeTypes }).use(rehypeReport, options);
}
