/**
 * A Markdown capture ("Copy as Markdown") read as text, for the fidelity test: parsed with the
 * parsers the site uses (remark-parse + remark-gfm → mdast → hast, remark-rehype), then read by the
 * extractor the HTML capture takes (`textLines`), so markup (`**bold**`, links, list markers, table
 * pipes) never makes a faithful page look unfaithful, and a hard-wrapped paragraph is one line whose
 * sentences are held to the page whole.
 */
import type { Root as HastRoot } from 'hast';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { videoPrefix } from '../markdown/rehype/blocks.ts';
import { textLines } from './capture-html.ts';

/**
 * What the text of `node` is, as ingest publishes it: a footnote's marker says nothing (its note
 * is read where it stands, not in a footer of its own), and an image is an editor's note (listed as
 * converted, not the author's sentence), and a "[Video: title](…)" link is a card reading "Video title".
 */
function asPublished(node: Nodes): Nodes[] {
  if (node.type === 'footnoteReference' || node.type === 'image' || node.type === 'imageReference') return [];
  if (node.type === 'footnoteDefinition') return node.children.flatMap(asPublished);
  const first = node.type === 'link' ? node.children[0] : undefined;
  if (first?.type === 'text') first.value = first.value.replace(videoPrefix, 'Video ');
  if ('children' in node) (node as { children: Nodes[] }).children = node.children.flatMap(asPublished);
  return [node];
}

/** Ingest escapes every "<" outside code (MDX would read a tag): HTML and <autolinks> are shown as written, so read as text. */
const noHtml = { disable: { null: ['htmlFlow', 'htmlText', 'autolink'] } };

/**
 * The lines of text of a Markdown capture as a reader sees them: one per paragraph, heading, list
 * item, table cell and code line. Lines listed in `leftOut` (as written, e.g. a sidecar's removed
 * "**[Share this post](…)**") are left out before parsing, as ingest left them out.
 */
export function markdownLines(markdown: string, leftOut: ReadonlySet<string> = new Set()): string[] {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
  processor.data('micromarkExtensions', [...(processor.data('micromarkExtensions') ?? []), noHtml]);
  const kept = markdown.replace(/^\uFEFF/, '').split(/\r\n?|\n/).filter((line) => !leftOut.has(line.trim()));
  const mdast = processor.parse(kept.join('\n')) as Root;
  mdast.children = mdast.children.flatMap(asPublished) as Root['children'];
  return textLines(processor.runSync(mdast) as HastRoot);
}
