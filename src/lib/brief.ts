/**
 * Key excerpts: the paragraphs and list items of a quoted section that carry a topic (or a talk),
 * with the words that carry it wrapped in `<mark>`. Topic and talk pages show the excerpt first and
 * the whole section behind a `<details>`.
 *
 * Pure: it works on the section HTML already in the report record (`record.sections[].html`),
 * reads no files and no clock. It does not decide which sections belong to a topic (the report's
 * frontmatter does) and never rewrites the author's words: it only selects whole blocks and adds
 * `<mark>` around text that is already there.
 */
import type { Element, ElementContent, Nodes, Root, RootContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Spelling } from '../schemas/registries.ts';
import { createMentionFinder, type Matchable, type Mention } from './mentions.ts';

/** Finds the words that carry a topic in a piece of text (`inCode`: the text is inside code). */
export type TermFinder = (text: string, inCode?: boolean) => Mention[];

/** What `keyExcerpt` selected. */
export interface Excerpt {
  /** The selected blocks as HTML, terms marked; the section's first paragraph when nothing matched. */
  html: string;
  /** Whether any block carried a term (false: `html` is the fallback). */
  matched: boolean;
  /** Blocks that carried a term, shown or not. */
  total: number;
  /** Blocks shown. */
  shown: number;
}

/** A term as a spelling: whole word, any case, and its plural with "s" ("operator" finds "operators", "CRD" finds "CRDs"). */
const termSpellings = (term: string): Spelling[] => (/s$/i.test(term) ? [term] : [term, `${term}s`]);

/**
 * The finder for a topic: its `terms`, and the tools its title, summary or terms name (a topic that
 * mentions OperatorHub.io in its summary is carried by a paragraph naming OperatorHub). Tools keep
 * their own matching rules (case, code only). Does not look at reports.
 */
export function topicFinder(topic: { title: string; summary: string; terms?: string[] }, tools: Matchable[]): TermFinder {
  const own = topic.terms ?? [];
  const findTools = createMentionFinder(tools);
  const described = [topic.title, topic.summary, ...own].join('\n');
  const named = new Set(findTools(described).map((m) => m.tool));
  return termFinder(own, tools.filter((t) => named.has(t.id)));
}

/** A finder for plain terms (plural "s" allowed) and tools with their registry spellings. */
export function termFinder(terms: string[], tools: Matchable[] = []): TermFinder {
  const matchable: Matchable[] = [...(terms.length ? [{ id: '', match: terms.flatMap(termSpellings) }] : []), ...tools];
  const find = createMentionFinder(matchable);
  return (text, inCode = false) => find(text, inCode);
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const isElement = (node: Nodes | undefined, ...names: string[]): node is Element => node?.type === 'element' && (!names.length || names.includes(node.tagName));
const lists = ['ul', 'ol'];
/** Containers walked into; a selected block keeps the nearest of them (a list, a quote) around it. */
const containers = ['ul', 'ol', 'blockquote', 'div', 'section', 'figure'];
/** Blocks that can be selected: text a reader reads as one unit. Headings, code blocks and tables are not. */
const blocks = ['p', 'li', 'dd', 'dt'];

/** Editor's notes (block and inline) and correction markers: ours, not the author's. */
const editorial = ['ed-note', 'ed-ref'];
const isEditorial = (node: ElementContent) => node.type === 'element' && ([] as unknown[]).concat(node.properties.className ?? []).some((c) => editorial.includes(String(c)));

/**
 * A copy of `node` without editor's notes and correction markers (the corrected words stay): an
 * excerpt quotes the author, and a note's words would carry terms, or be cut mid-note.
 */
function withoutNotes<T extends Root | Element>(node: T): T {
  return { ...node, children: node.children.filter((c) => !isEditorial(c as ElementContent)).map((c) => (c.type === 'element' ? withoutNotes(c) : c)) };
}

/**
 * The one walk over a block's text: its text nodes in order, each with its offset in the block's
 * text and whether it sits in code; nested lists left out unless `withLists` (a list item is
 * judged without its sub-items, which are judged on their own).
 */
function textNodes(node: Root | Element, withLists = false): { node: Text; start: number; inCode: boolean }[] {
  const out: { node: Text; start: number; inCode: boolean }[] = [];
  let at = 0;
  const visit = (c: Nodes, inCode: boolean) => {
    if (c.type === 'text') {
      out.push({ node: c, start: at, inCode });
      at += c.value.length;
    } else if ((c.type === 'element' && (withLists || c === node || !lists.includes(c.tagName))) || c.type === 'root') {
      c.children.forEach((k) => visit(k, inCode || (c.type === 'element' && c.tagName === 'code')));
    }
  };
  visit(node, false);
  return out;
}

/** A block's text (`withLists`: with its nested lists'). */
const textOf = (node: Root | Element, withLists = false) => textNodes(node, withLists).map((t) => t.node.value).join('');

/** Each term hit in a block (without its nested lists), found text node by text node, code-aware. */
const hitsIn = (node: Element, find: TermFinder) => textNodes(node).flatMap(({ node: t, start, inCode }) => find(t.value, inCode).map((m) => start + m.index));

/** Whether `node` (without its nested lists) carries a term, in one text node (code-aware) or across them. */
const carries = (node: Element, find: TermFinder) => hitsIn(node, find).length > 0 || find(textOf(node)).length > 0;

interface Picked {
  node: Element;
  /** The containers kept around it, outermost first (only the nearest list). */
  around: Element[];
  /** For a list item of an ordered list: its number. */
  value?: number;
}

/** Walks the section and returns every block carrying a term, in document order. */
function pick(root: Root, find: TermFinder): Picked[] {
  const picked: Picked[] = [];
  const walk = (parent: Root | Element, around: Element[]) => {
    let number = isElement(parent as Nodes, 'ol') ? Number((parent as Element).properties.start ?? 1) : 1;
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (blocks.includes(child.tagName)) {
        if (carries(child, find)) picked.push({ node: child, around, ...(isElement(parent as Nodes, 'ol') ? { value: number } : {}) });
        // Nested lists inside an item are walked on their own: an item deep down can be picked alone.
        for (const nested of child.children) {
          if (isElement(nested, ...lists)) walk(nested, [...around.filter((a) => !lists.includes(a.tagName)), nested]);
        }
      } else if (containers.includes(child.tagName)) {
        const kept = lists.includes(child.tagName) ? [...around.filter((a) => !lists.includes(a.tagName)), child] : [...around, child];
        walk(child, kept);
      }
      if (child.tagName === 'li') number += 1;
    }
  };
  walk(root, []);
  return picked;
}

/** A copy of a block without its nested lists, with terms wrapped in `<mark>`. */
function marked(node: Element, find: TermFinder, inCode = false): Element {
  const children: ElementContent[] = [];
  for (const child of node.children) {
    if (child.type === 'text') {
      let last = 0;
      for (const m of find(child.value, inCode)) {
        if (m.index > last) children.push({ type: 'text', value: child.value.slice(last, m.index) });
        children.push(el('mark', {}, [{ type: 'text', value: child.value.slice(m.index, m.index + m.length) }]));
        last = m.index + m.length;
      }
      if (last < child.value.length) children.push({ type: 'text', value: child.value.slice(last) } as Text);
    } else if (child.type === 'element') {
      if (lists.includes(child.tagName) || child.tagName === 'mark') {
        if (child.tagName === 'mark') children.push(child);
        continue;
      }
      children.push(marked(child, find, inCode || child.tagName === 'code'));
    } else children.push(child);
  }
  return { ...node, children };
}

/** Rebuilds picked blocks inside shallow copies of their containers, consecutive blocks sharing them. */
function assemble(picked: Picked[], find: TermFinder, chars = Infinity): RootContent[] {
  const out: RootContent[] = [];
  let open: { source: Element; copy: Element }[] = [];
  for (const { node, around, value } of picked) {
    let same = 0;
    while (same < open.length && same < around.length && open[same]!.source === around[same]) same += 1;
    open = open.slice(0, same);
    for (const source of around.slice(same)) {
      const { start: _start, ...properties } = source.properties;
      const copy = el(source.tagName, properties, []);
      (open.length ? open.at(-1)!.copy.children : out).push(copy);
      open.push({ source, copy });
    }
    const block = marked(chars < Infinity ? sentenceWindow(node, find, chars) : node, find);
    if (value !== undefined) block.properties = { ...block.properties, value: String(value) };
    (open.length ? open.at(-1)!.copy.children : out).push(block);
  }
  return out;
}

/** A copy of `node` holding only its text in [from, to) (elements emptied by the cut are dropped). */
function slice(node: Element, from: number, to: number): Element {
  let at = 0;
  const cut = (n: Element): Element => {
    const children: ElementContent[] = [];
    for (const c of n.children) {
      if (c.type === 'text') {
        const start = at;
        at += c.value.length;
        const a = Math.max(from, start) - start;
        const b = Math.min(to, at) - start;
        if (b > a) children.push({ type: 'text', value: c.value.slice(a, b) });
      } else if (c.type === 'element') {
        if (c !== node && lists.includes(c.tagName)) continue;
        const copy = cut(c);
        if (textOf(copy, true)) children.push(copy);
      }
    }
    return { ...n, children };
  };
  return cut(node);
}

/**
 * A long block cut down to whole sentences around its first term: from the sentence holding the
 * first hit, sentence by sentence while within `chars` (at least that one sentence), with "…"
 * where text was left out. Short blocks, and blocks without a sentence break, stay whole.
 */
function sentenceWindow(node: Element, find: TermFinder, chars: number): Element {
  const text = textOf(node);
  if (text.length <= chars) return node;
  const first = hitsIn(node, find)[0] ?? 0;
  const ends = [...text.matchAll(/[.!?…]["”’)]*(?=\s)/g)].map((m) => m.index + m[0].length);
  if (!ends.length) return node;
  const from = [0, ...ends].filter((e) => e <= first).at(-1)!;
  let to = ends.find((e) => e > first) ?? text.length;
  for (const e of ends) if (e > to && e - from <= chars) to = e;
  const start = from === 0 ? 0 : from + (/^\s*/.exec(text.slice(from))?.[0].length ?? 0);
  const kept = slice(node, start, to);
  const dots = (value: string): Element => el('span', { className: ['elided'] }, [{ type: 'text', value }]);
  kept.children = [...(start > 0 ? [dots('… ')] : []), ...kept.children, ...(to < text.trimEnd().length ? [dots(' …')] : [])];
  return kept;
}

/**
 * The blocks (paragraphs, list items) of `html` that carry a term found by `find`, terms
 * `<mark>`ed, inside copies of their list or quote, in the section's order. When many carry one,
 * the densest are kept (most hits per character, then the earliest) while they stay within
 * `chars` characters of text, at least one and at most `max`; a block longer than `sentences`
 * characters is cut to whole sentences from its first term, "…" marking the cut. An item is taken without its nested
 * list (whose items are judged on their own). When no block carries a term: the section's first
 * paragraph (or first block), unmarked, with `matched: false`.
 */
export function keyExcerpt(html: string | Root, find: TermFinder, { max = 3, chars = 400, sentences = 300 } = {}): Excerpt {
  const root = withoutNotes(typeof html === 'string' ? fromHtml(html, { fragment: true }) : html);
  const picked = pick(root, find);
  if (picked.length) {
    const ranked = picked
      .map((p, i) => ({ p, i, length: Math.min(textOf(p.node).length, sentences), score: Math.max(hitsIn(p.node, find).length, 1) / Math.max(textOf(p.node).length, 40) }))
      .sort((a, b) => b.score - a.score || a.i - b.i);
    const kept: typeof ranked = [];
    let used = 0;
    for (const r of ranked) {
      if (kept.length >= max) break;
      if (kept.length > 0 && used + r.length > chars) continue;
      kept.push(r);
      used += r.length;
    }
    const shown = kept.sort((a, b) => a.i - b.i).map((r) => r.p);
    return { html: toHtml({ type: 'root', children: assemble(shown, find, sentences) }), matched: true, total: picked.length, shown: shown.length };
  }
  const none: TermFinder = () => [];
  const first = pick(root, () => [{ tool: '', index: 0, length: 0 }]);
  const para = first.find((p) => p.node.tagName === 'p' && !p.around.length) ?? first[0];
  return { html: para ? toHtml({ type: 'root', children: assemble([para], none) }) : '', matched: false, total: 0, shown: para ? 1 : 0 };
}

/**
 * Re-levels the headings inside a quoted section so the highest one sits just below the passage's
 * own heading (`level`), keeping their order: "h5, h6" under an h3 becomes "h4, h5". Never deeper than h6.
 */
export function relevel(html: string | Root, level: number): string {
  const root = typeof html === 'string' ? fromHtml(html, { fragment: true }) : html;
  const headings: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (/^h[1-6]$/.test(child.tagName)) headings.push(child);
      else walk(child);
    }
  };
  walk(root);
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  const shift = headings.length ? level + 1 - top : 0;
  if (shift === 0) return typeof html === 'string' ? html : toHtml(root);
  for (const h of headings) h.tagName = `h${Math.min(6, Math.max(1, Number(h.tagName[1]) + shift))}`;
  return toHtml(root);
}

/** A passage ready to quote: where it lives, its key excerpt and its full section. */
export interface Quoted<R, S> {
  report: R;
  section: S;
  /** Its id on this page. */
  anchor: string;
  /** Its one permanent URL (a topic year page, or the talk page), with the anchor. */
  permalink: string;
  excerpt: Excerpt;
  /** The full section, headings re-levelled under the passage heading. */
  html: string;
  /** Words in the full section, to say how long it is. */
  words: number;
}

/**
 * Points the section's relative links (`#heading`, `../other/`), written for its report's page
 * `from`, at what they meant there: on a topic or talk page they would resolve against that page.
 */
function fromReport(node: Root | Element, from: string) {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const key = child.tagName === 'img' ? 'src' : 'href';
    const url = child.properties[key];
    if (typeof url === 'string' && url && !/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(url)) {
      const resolved = new URL(url, `https://site.invalid${from}`);
      child.properties[key] = `${resolved.pathname}${resolved.search}${resolved.hash}`;
    }
    fromReport(child, from);
  }
}

/**
 * Builds what the passage component shows. `level` is the passage heading's level (h3, h4);
 * `from` is the report page's path (with the base), which the section's relative links are read from.
 */
export function quote<R, S extends { html: string }>(
  report: R,
  section: S,
  { anchor, permalink, find, level, from }: { anchor: string; permalink: string; find: TermFinder; level: number; from: string },
): Quoted<R, S> {
  // One parse: the links are pointed at the report, the excerpt copies what it keeps, then the headings are re-levelled in place.
  const root = fromHtml(section.html, { fragment: true });
  fromReport(root, from);
  const words = textOf(root, true).split(/\s+/).filter(Boolean).length;
  const excerpt = keyExcerpt(root, find);
  return { report, section, anchor, permalink, excerpt, html: relevel(root, level), words };
}

/**
 * The finder for a talk's passages: its speakers' full and last names, and the tools its title
 * names. Most talk passages are about the talk throughout, so an excerpt often falls back to the
 * section's first paragraph, which is where reports introduce a talk.
 */
export function talkFinder(talk: { title: string; speakers: { name: string }[] }, tools: Matchable[]): TermFinder {
  const names = talk.speakers.flatMap((p) => [p.name, ...(p.name.includes(' ') ? [p.name.split(' ').at(-1)!] : [])]);
  const named = new Set(createMentionFinder(tools)(talk.title).map((m) => m.tool));
  return termFinder(names, tools.filter((t) => named.has(t.id)));
}
