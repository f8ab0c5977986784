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

/** The fast parse of `body`, or undefined when remark's parser must read it. */
export function nativeParse(body: string): Root | undefined {
  if (!satteri) return undefined;
  let tree: Root;
  try {
    tree = satteri.mdxToMdast(body, { features: { frontmatter: false } }) as Root;
  } catch {
    return undefined;
  }
  return agrees(tree) ? tree : undefined;
}

/**
 * A unified plugin, used after remark-parse, remark-mdx and remark-gfm: parses with satteri where
 * it agrees with them, and with them everywhere else.
 */
export function remarkNativeParse(this: Processor) {
  const reference = this.parser!;
  this.parser = (document, file) => nativeParse(document) ?? reference(document, file);
}
