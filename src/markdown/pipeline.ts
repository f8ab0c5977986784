/**
 * The report pipeline, defined once. Reports are rendered with `createReportProcessor` by
 * src/markdown/render.ts, for the site's content loader and `npm run check` alike; the plugin lists
 * below give Astro the same pipeline for any Markdown or MDX it renders itself (astro.config.mjs).
 *
 * Order matters: the guard runs first, before smartypants or anything else touches the tree.
 */
import type { RehypePlugin, RehypePlugins, RemarkPlugin, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import type { RenderOptions } from './cache.ts';
import { remarkGuard } from './guard.ts';
import { remarkNativeParse } from './parse.ts';
import { rehypeBlocks } from './rehype/blocks.ts';
import { rehypeImages } from './rehype-images.ts';
import { rehypeEditorNotes, rehypeEditorNotesList } from './rehype/editor-notes.ts';
import { rehypeHeadingAnchors } from './rehype/heading-anchors.ts';
import { rehypeHeadingIds } from './rehype/heading-ids.ts';
import { rehypeRecord } from './rehype/record.ts';
import { rehypeSections } from './rehype/sections.ts';
import { rehypeSiteLinks } from './rehype/site-links.ts';
import { rehypeToolMentions } from './rehype/tool-mentions.ts';
import { remarkTypography } from './typography.ts';

export interface PipelineOptions extends RenderOptions {
  /** Throw on bad content (the build) or only record it on the file (`npm run check`). */
  strict: boolean;
}

/** For `unified({ gfm: false, smartypants: false, remarkPlugins })`: Astro's own gfm and smartypants would run before the guard. */
export const remarkPlugins = ({ strict }: PipelineOptions): RemarkPlugins => [
  [remarkGuard, { strict }],
  remarkGfm,
  remarkTypography as RemarkPlugin,
];

/**
 * The steps after Markdown becomes HTML, in order; each is one file of src/markdown/rehype/ and
 * declares the data it adds to the file (`file.data`). Adding a step is its file and one line here.
 * Everything up to `rehypeRecord` shapes the record (and the problems it throws when strict); the
 * steps after it only change the page's HTML.
 */
export const rehypePlugins = ({ tools, base, strict }: PipelineOptions): RehypePlugins => [
  [rehypeImages as RehypePlugin, { tools, base, strict }], // local photos → <picture>/<figure>, before the links step skips theirs
  rehypeBlocks, // code, tables, video cards: before the sections are cut, so topic pages quote them as shown
  [rehypeSiteLinks, { base }], // before any step adds links of its own
  rehypeEditorNotes,
  rehypeHeadingIds,
  [rehypeToolMentions as RehypePlugin, { tools, base }], // needs the heading ids (mentions are per section)
  rehypeSections, // after the tool links, which topic pages show too
  [rehypeRecord as RehypePlugin, { strict }],
  rehypeEditorNotesList, // no section of the author's: after the sections are cut
  rehypeHeadingAnchors, // last: nothing before reads the "#" as heading text
];

/** MDX node types remark-rehype hands on untouched, as @mdx-js/mdx does. */
const mdxNodeTypes: NonNullable<ToHastOptions['passThrough']> = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/**
 * The same pipeline without Astro, up to the HTML tree: `processor.run(processor.parse(file), file)`.
 * Reports are rendered with it (src/markdown/render.ts), for the site and for the check alike. It
 * parses with satteri where that agrees with remark's MDX and GFM parser (src/markdown/parse.ts).
 */
export function createReportProcessor(options: PipelineOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkNativeParse)
    .use(remarkGuard, { strict: options.strict })
    .use(remarkTypography)
    .use(remarkRehype, { passThrough: mdxNodeTypes })
    .use(rehypePlugins(options) as PluggableList);
}
