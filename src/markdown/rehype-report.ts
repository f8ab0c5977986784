import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Nodes, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import { createMentionFinder, type Matchable } from '../lib/mentions.ts';

/** A section of a report: heading, id, the passage's HTML (with subsections) for topic pages, and
 * its own text (without subsections), one block per line, for finding the sentence of a mention. */
export interface Section {
  id: string;
  depth: number;
  title: string;
  html: string;
  text: string;
}

export interface RehypeReportOptions {
  /** Registry tools (id + spellings) whose first mention per section links to the tool page. */
  tools: Matchable[];
  /** Site base path, e.g. "/" or "/kb/". */
  base: string;
}

interface JsxAttribute {
  type: string;
  name: string;
  value?: unknown;
}
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: ElementContent[];
}

const sectionDepths = new Set([2, 3]);
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): Text => ({ type: 'text', value });

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

const blockTags = new Set(['p', 'li', 'ul', 'ol', 'blockquote', 'pre', 'div', 'table', 'tr', 'th', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Text of nodes with one line per block (paragraph, list item, …), spaces folded. */
function blockText(nodes: Nodes[]): string {
  const walk = (node: Nodes): string => {
    if (node.type === 'text') return node.value;
    if (!('children' in node)) return '';
    const inner = (node.children as Nodes[]).map(walk).join('');
    return node.type === 'element' && blockTags.has(node.tagName) ? `\n${inner}\n` : inner;
  };
  return nodes
    .map(walk)
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function headingDepth(node: Nodes): number | undefined {
  if (node.type !== 'element') return undefined;
  const match = /^h([1-6])$/.exec(node.tagName);
  return match ? Number(match[1]) : undefined;
}

/** `<Ed was="…" note="…">fix</Ed>` → visible editor's note markup; anything else JSX is refused. */
function renderEditorNote(node: JsxNode, file: VFile): Element {
  if (node.name !== 'Ed') {
    throw new Error(`${file.path}: <${node.name ?? 'fragment'}> is not available in reports; only <Ed> (editor's note) is.`);
  }
  const attr = (name: string) => {
    const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    if (found && typeof found.value !== 'string') {
      throw new Error(`${file.path}: <Ed ${name}=…> expected a quoted string, found an expression.`);
    }
    return found?.value as string | undefined;
  };
  const was = attr('was');
  const note = attr('note');
  if (!was && !note) {
    throw new Error(`${file.path}: <Ed> expected a "was" or "note" attribute, found neither.`);
  }
  const explanation = [was ? `the captured text reads “${was}”.` : '', note ?? ''].filter(Boolean).join(' ');
  if (node.type === 'mdxJsxFlowElement') {
    return el('p', { className: ['ed-note', 'ed-block'] }, [el('strong', {}, [txt('Editor’s note:')]), txt(` ${explanation}`)]);
  }
  // A correction's note carries its own leading space, so removing notes leaves the author's spacing.
  const label = (lead: string) => el('span', { className: ['ed-note'] }, [txt(`${lead}[Editor’s note: ${explanation}]`)]);
  return node.children.length
    ? el('span', { className: ['ed'] }, [el('ins', {}, node.children), label(' ')])
    : label('');
}

function replaceJsx(parent: Root | Element, file: VFile) {
  parent.children = parent.children.map((child) => {
    const node = child as unknown as JsxNode | RootContent;
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      replaceJsx(node as unknown as Element, file);
      return renderEditorNote(node as JsxNode, file);
    }
    if (child.type === 'element') replaceJsx(child, file);
    return child;
  }) as typeof parent.children;
}

/** Wraps the first mention of each tool not yet linked in this section. Mutates `linked`. */
function linkMentions(
  parent: Element,
  linked: Set<string>,
  findMentions: ReturnType<typeof createMentionFinder>,
  href: (tool: string) => string,
  inCode: boolean,
) {
  const out: ElementContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (child.tagName !== 'a' && !headingDepth(child)) {
        linkMentions(child, linked, findMentions, href, inCode || child.tagName === 'code');
      }
      out.push(child);
      continue;
    }
    if (child.type !== 'text') {
      out.push(child);
      continue;
    }
    let rest = child.value;
    let offset = 0;
    for (const m of findMentions(child.value, inCode)) {
      if (linked.has(m.tool)) continue;
      linked.add(m.tool);
      const start = m.index - offset;
      if (start > 0) out.push(txt(rest.slice(0, start)));
      out.push(el('a', { href: href(m.tool), className: ['tool-link'] }, [txt(rest.slice(start, start + m.length))]));
      rest = rest.slice(start + m.length);
      offset = m.index + m.length;
    }
    if (rest) out.push(txt(rest));
  }
  parent.children = out;
}

/** Copies passage nodes for use on another page: headings demoted two levels (they sit under event and report headings) and stripped of ids. */
function forPassage(node: RootContent): RootContent {
  if (node.type !== 'element') return node;
  const depth = headingDepth(node);
  const { id: _id, ...properties } = node.properties;
  return {
    ...node,
    tagName: depth ? `h${Math.min(depth + 2, 6)}` : node.tagName,
    properties: depth ? properties : node.properties,
    children: node.children.map((c) => forPassage(c) as ElementContent),
  };
}

/**
 * Report pipeline, after Markdown becomes HTML: renders `<Ed>` editor's notes, gives every
 * heading an id (github-slugger, as Astro would), links each tool's first mention per section,
 * exports the sections (`frontmatter.sections`, and the text before the first heading as
 * `frontmatter.intro`) for topic and tool pages, then adds a visible “#” link to
 * every heading. It does not validate tool lists or topics (src/lib/validate.ts does).
 */
export function rehypeReport({ tools, base }: RehypeReportOptions) {
  const findMentions = createMentionFinder(tools);
  const root = base.endsWith('/') ? base : `${base}/`;
  const href = (tool: string) => `${root}tools/${tool}/`;

  return (tree: Root, file: VFile) => {
    replaceJsx(tree, file);

    const slugger = new GithubSlugger();
    const top = tree.children;
    const headings: { index: number; depth: number; node: Element }[] = [];
    top.forEach((node, index) => {
      const depth = headingDepth(node);
      if (!depth || node.type !== 'element') return;
      node.properties.id ??= slugger.slug(textOf(node));
      headings.push({ index, depth, node });
    });

    // Tool links: the linked set restarts at every section heading.
    let linked = new Set<string>();
    for (const node of top) {
      const depth = headingDepth(node);
      if (depth && sectionDepths.has(depth)) linked = new Set();
      else if (node.type === 'element') linkMentions(node, linked, findMentions, href, node.tagName === 'pre');
    }

    const sections: Section[] = headings
      .filter((h) => sectionDepths.has(h.depth))
      .map((h) => {
        const next = headings.find((o) => o.index > h.index && o.depth <= h.depth);
        const nextAny = headings.find((o) => o.index > h.index);
        const body = top.slice(h.index + 1, next ? next.index : top.length).map(forPassage);
        return {
          id: String(h.node.properties.id),
          depth: h.depth,
          title: textOf(h.node),
          html: toHtml({ type: 'root', children: body }).trim(),
          text: blockText(top.slice(h.index + 1, nextAny ? nextAny.index : top.length)),
        };
      });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    const intro = blockText(top.slice(0, headings[0]?.index ?? top.length));
    data.astro.frontmatter = { ...data.astro.frontmatter, sections, intro };

    for (const { node } of headings) {
      node.children.push(
        txt(' '),
        el('a', { className: ['anchor'], href: `#${String(node.properties.id)}`, 'data-pagefind-ignore': '' }, [
          el('span', { ariaHidden: 'true' }, [txt('#')]),
          el('span', { className: ['visually-hidden'] }, [txt(`Link to “${textOf(node).trim()}”`)]),
        ]),
      );
    }
  };
}
