/**
 * Pipeline step: finds every tool mention (src/lib/mentions.ts), each run of text searched once.
 * Per section, the first mention of a tool is linked to its page (headings and links excepted),
 * and its first sentence of prose is recorded (a heading stands in only when the section has no
 * sentence naming it). Needs the heading ids (heading-ids.ts).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { createMentionFinder, type Matchable, type Mention } from '../../lib/mentions.ts';
import type { ToolMention } from '../../schemas/record.ts';
import { el, hasClass, headingDepth, sectionDepths, txt } from './hast.ts';

declare module 'vfile' {
  interface DataMap {
    /** One mention per tool per section, in order of first appearance (src/markdown/rehype/tool-mentions.ts). */
    mentions: ToolMention[];
  }
}

/** Blocks whose children are inline text (a "run"); containers are walked into. */
const runBlocks = new Set(['p', 'li', 'td', 'th', 'dt', 'dd', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption']);
const containers = new Set(['ul', 'ol', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'div', 'section', 'details', 'dl', 'figure']);

interface Piece {
  node: Text;
  inCode: boolean;
  linkable: boolean;
}

interface Run {
  pieces: Piece[];
  inHeading: boolean;
}

/** Splits `root` into runs of inline text, one per paragraph, list item, cell, heading or code block. */
function runsOf(root: Element): Run[] {
  const runs: Run[] = [];
  const visit = (node: Element, current: Piece[], inCode: boolean, linkable: boolean) => {
    for (const child of node.children) {
      if (child.type === 'text') current.push({ node: child, inCode, linkable });
      if (child.type !== 'element' || hasClass(child, 'anchor') || hasClass(child, 'ed-ref')) continue;
      if (runBlocks.has(child.tagName)) {
        const run: Run = { pieces: [], inHeading: Boolean(headingDepth(child)) };
        runs.push(run);
        visit(child, run.pieces, inCode || child.tagName === 'pre', linkable && !run.inHeading && !hasClass(child, 'ed-note'));
      } else if (containers.has(child.tagName)) {
        visit(child, current, inCode, linkable);
      } else {
        // Editor's notes count as mentions (they are on the page) but are not linked: they are ours.
        visit(child, current, inCode || child.tagName === 'code', linkable && child.tagName !== 'a' && !hasClass(child, 'ed-note'));
      }
    }
  };
  const top: Run = { pieces: [], inHeading: false };
  visit(el('div', {}, [root]), top.pieces, false, true);
  return [top, ...runs].filter((run) => run.pieces.length);
}

/** The sentence of `text` around `offset`, spaces folded (sentences end at . ! ? … before white space). */
function sentenceAt(text: string, offset: number): string {
  let start = 0;
  let end = text.length;
  for (const boundary of text.matchAll(/(?<=[.!?…])\s+/g)) {
    if (boundary.index < offset) start = boundary.index + boundary[0].length;
    else {
      end = boundary.index;
      break;
    }
  }
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** Replaces each text node of `toolLinks` with its text and a link per mention in it. */
function linkMentions(parent: Root | Element, toolLinks: Map<Text, Mention[]>, href: (tool: string) => string) {
  parent.children = parent.children.flatMap((child) => {
    if (child.type === 'element') linkMentions(child, toolLinks, href);
    const found = child.type === 'text' ? toolLinks.get(child) : undefined;
    if (!found || child.type !== 'text') return [child];
    const out: ElementContent[] = [];
    let last = 0;
    for (const m of found) {
      if (m.index > last) out.push(txt(child.value.slice(last, m.index)));
      out.push(el('a', { href: href(m.tool), className: ['tool-link'] }, [txt(child.value.slice(m.index, m.index + m.length))]));
      last = m.index + m.length;
    }
    if (last < child.value.length) out.push(txt(child.value.slice(last)));
    return out;
  }) as typeof parent.children;
}

export function rehypeToolMentions({ tools, base }: { tools: Matchable[]; base: string }) {
  const findMentions = createMentionFinder(tools);
  const root = base.endsWith('/') ? base : `${base}/`;
  const href = (tool: string) => `${root}tools/${tool}/`;

  return (tree: Root, file: VFile) => {
    const mentions = new Map<string, ToolMention & { inHeading: boolean }>();
    const toolLinks = new Map<Text, Mention[]>();
    let section: string | undefined;
    let linked = new Set<string>();
    for (const node of tree.children) {
      const depth = headingDepth(node);
      if (depth && sectionDepths.has(depth)) {
        section = String((node as Element).properties.id);
        linked = new Set();
      }
      if (node.type !== 'element') continue;
      for (const { pieces, inHeading } of runsOf(node)) {
        const text = pieces.map((p) => p.node.value).join('');
        let offset = 0;
        for (const piece of pieces) {
          for (const m of findMentions(piece.node.value, piece.inCode)) {
            const key = `${m.tool}#${section ?? ''}`;
            const known = mentions.get(key);
            if (!known || (known.inHeading && !inHeading)) {
              mentions.set(key, { tool: m.tool, ...(section ? { section } : {}), sentence: sentenceAt(text, offset + m.index), inHeading });
            }
            if (piece.linkable && !linked.has(m.tool)) {
              linked.add(m.tool);
              toolLinks.set(piece.node, [...(toolLinks.get(piece.node) ?? []), m]);
            }
          }
          offset += piece.node.value.length;
        }
      }
    }
    linkMentions(tree, toolLinks, href);
    file.data.mentions = [...mentions.values()].map(({ inHeading: _, ...m }) => m);
  };
}
