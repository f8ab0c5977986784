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
import { maxNesting, prefixNesting, treeNesting } from '../markdown/parse.ts';
import { videoPrefix } from '../markdown/rehype/blocks.ts';
import { textLines } from './capture-html.ts';

/**
 * What the text of `node` is, as ingest publishes it: a footnote's marker says nothing (its note
 * is read where it stands, not in a footer of its own), and an image is an editor's note (listed as
 * converted, not the author's sentence), and a "[Video: title](https://…)" link is a card of its own reading "Video title" (and the host).
 */
function asPublished(node: Nodes): Nodes[] {
  if (node.type === 'footnoteReference' || node.type === 'image' || node.type === 'imageReference') return [];
  if (node.type === 'footnoteDefinition') return node.children.flatMap(asPublished);
  const first = node.type === 'link' && /^https?:\/\//i.test(node.url) ? node.children[0] : undefined;
  if (first?.type === 'text' && videoPrefix.test(first.value)) {
    first.value = first.value.replace(videoPrefix, 'Video ');
    return [{ type: 'break' }, node, { type: 'break' }];
  }
  if ('children' in node) (node as { children: Nodes[] }).children = node.children.flatMap(asPublished);
  return [node];
}

/** Ingest escapes every "<" outside code (MDX would read a tag): HTML and <autolinks> are shown as written, so read as text. */
const noHtml = { disable: { null: ['htmlFlow', 'htmlText', 'autolink'] } };

/** Nesting past what the parsers and walkers can recurse through: said in our words, never a stack overflow. */
function shallow({ depth, line }: { depth: number; line: number }) {
  if (depth > maxNesting) throw new Error(`line ${line}: expected at most ${maxNesting} levels of nesting, found ${depth} (quotes, lists, emphasis or links inside one another)`);
}

/**
 * The lines of text of a Markdown capture as a reader sees them: one per paragraph, heading, list
 * item, table cell and code line. Lines listed in `leftOut` (as written, e.g. a sidecar's removed
 * "**[Share this post](…)**") are left out before parsing, as ingest left them out.
 */
export function markdownLines(markdown: string, leftOut: ReadonlySet<string> = new Set()): string[] {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
  processor.data('micromarkExtensions', [...(processor.data('micromarkExtensions') ?? []), noHtml]);
  const kept = markdown.replace(/^\uFEFF/, '').split(/\r\n?|\n/).filter((line) => !leftOut.has(line.trim())).join('\n');
  // As deep as a report may nest, measured before remark parses (lists, quotes) and before the tree is walked (marks).
  shallow(prefixNesting(kept));
  const mdast = processor.parse(kept) as Root;
  shallow(treeNesting(mdast));
  mdast.children = mdast.children.flatMap(asPublished) as Root['children'];
  return textLines(processor.runSync(mdast) as HastRoot);
}
