/**
 * Parsing a report body, the largest part of rendering it: remark's MDX parser (micromark, with the
 * MDX and GFM extensions) took 55 % of a render worker's time. satteri, the Rust parser behind
 * Astro 7's own Markdown processor, gives the same mdast tree, positions included (but not those
 * of a tag's attributes, which nothing here reads), in a twentieth of the time. Its MDX differs
 * from remark's in a few places (an `<Ed>…</Ed>` alone on a line is a block there, a paragraph
 * here), and so do its error messages.
 *
 * So remark's parser stays the reference, and satteri's tree is used only when it holds nothing
 * MDX but inline `<Ed>` notes with quoted attributes, where the two agree. Anything else (an
 * expression, an import, another tag, a parse error) is parsed again by remark, so the guard
 * (src/markdown/guard.ts) and the check's messages see exactly what they always saw.
 * tests/unit/parse.test.ts compares the two on tricky cases and on every report.
 */
import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import type { Processor } from 'unified';
import { addProblem, Unreadable } from './problems.ts';

/**
 * satteri ships a native binary per platform (installed with Astro, which needs it too); where none
 * loads, every body is parsed by remark: slower, never different.
 */
const satteri = await import('satteri').catch(() => undefined);

/** True when remark's parser would give the same tree as satteri's `tree` (see above). */
function agrees(node: Nodes): boolean {
  if (node.type.startsWith('mdx')) {
    if (node.type !== 'mdxJsxTextElement' || node.name !== 'Ed') return false;
    if (!node.attributes.every((a) => a.type === 'mdxJsxAttribute' && typeof a.value === 'string')) return false;
    // satteri marks every tag written in the source; remark's parser does not.
    const data = node.data as { _mdxExplicitJsx?: boolean } | undefined;
    delete data?._mdxExplicitJsx;
    if (data && !Object.keys(data).length) delete node.data;
  }
  return !('children' in node) || node.children.every(agrees);
}

/**
 * How deeply blocks and inline marks may nest: far past any real report (three or four levels of
 * quote or list), far below what the parsers and the tree walkers after them can recurse through
 * (a few thousand levels exhaust the stack, and remark's parser takes minutes on 4,000 nested `*`).
 */
export const maxNesting = 32;

/** Nodes that nest one level inside another: quotes, lists, inline marks, links, tags. */
const nestingTypes = new Set(['blockquote', 'list', 'footnoteDefinition', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/** The deepest nesting found, and the first line where it passes `maxNesting`. */
type Nesting = { depth: number; line: number };

/** Adds one place of `depth` levels on `line` to `found`. */
const deeper = (found: Nesting, depth: number, line = 1): Nesting => ({
  depth: Math.max(found.depth, depth),
  line: depth > maxNesting ? Math.min(found.line, line) : found.line,
});

/** How deeply `tree` nests; walked without recursion. */
export function treeNesting(tree: Root): Nesting {
  let found = { depth: 0, line: Infinity };
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, above] = stack.pop()!;
    const depth = above + (nestingTypes.has(node.type) ? 1 : 0);
    found = deeper(found, depth, node.position?.start.line);
    if ('children' in node) for (const child of node.children) stack.push([child, depth]);
  }
  return found;
}

/**
 * The same measure from line prefixes (`> > -`, `>>>>`), for when satteri is not there to give a
 * tree: remark's parser itself overflows the stack on a few thousand nested list items.
 */
export function prefixNesting(body: string): Nesting {
  let found = { depth: 0, line: Infinity };
  body.split('\n').forEach((line, i) => {
    if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return; // `- - -` is a rule, not lists
    found = deeper(found, /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/.exec(line)![0].replace(/[^>*+\-.)]/g, '').length, i + 1);
  });
  return found;
}

/** satteri's tree of `body`, or of its plain Markdown when its MDX is broken (enough to measure it); undefined without satteri. */
function satteriTree(body: string): { tree: Root; mdx: boolean } | undefined {
  if (!satteri) return undefined;
  const options = { features: { frontmatter: false } };
  try {
    return { tree: satteri.mdxToMdast(body, options) as Root, mdx: true };
  } catch {
    try {
      return { tree: satteri.markdownToMdast(body, options) as Root, mdx: false };
    } catch {
      return undefined;
    }
  }
}

/** The fast parse of `body`, or undefined when remark's parser must read it (or the body nests too deeply for either). */
export function nativeParse(body: string): Root | undefined {
  const parsed = satteriTree(body);
  return parsed?.mdx && treeNesting(parsed.tree).depth <= maxNesting && agrees(parsed.tree) ? parsed.tree : undefined;
}

/**
 * A unified plugin, used after remark-parse, remark-mdx and remark-gfm: parses with satteri where
 * it agrees with them, and with them everywhere else. A body nested deeper than `maxNesting` is
 * measured (by satteri, or on its line prefixes) before remark reads it, recorded as a problem, and
 * the pipeline stops there, so nothing after the parser recurses through it.
 */
export function remarkNativeParse(this: Processor) {
  const reference = this.parser!;
  this.parser = (document, file) => {
    const parsed = satteriTree(document);
    const { depth, line } = parsed ? treeNesting(parsed.tree) : prefixNesting(document);
    if (depth > maxNesting) {
      addProblem(file, { position: { start: { line } } }, `expected at most ${maxNesting} levels of nesting, found ${depth} (quotes, lists, emphasis, links or tags inside one another); flatten it: a quote or list rarely needs more than three levels`);
      throw new Unreadable();
    }
    return (parsed?.mdx && agrees(parsed.tree) ? parsed.tree : undefined) ?? reference(document, file);
  };
}
