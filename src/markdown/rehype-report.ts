import GithubSlugger, { slug as slugOf } from 'github-slugger';
import type { Element, ElementContent, Nodes, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { createMentionFinder, type Matchable, type Mention } from '../lib/mentions.ts';
import { isFrameId } from './frame-ids.ts';
import { isProtocolRelative, urlScheme } from './guard.ts';
import { addProblem, throwProblems } from './problems.ts';
import type { ReportRecord, Section, SiteLink, ToolMention } from '../schemas/record.ts';
import { sectionWords } from './words.ts';

declare module 'vfile' {
  interface DataMap {
    record: ReportRecord;
  }
}

export interface RehypeReportOptions {
  /** Registry tools (id + spellings): every mention is recorded, the first per section linked. */
  tools: Matchable[];
  /** Site base path, e.g. "/" or "/kb/". */
  base: string;
  /** Throw the problems found (the site build); otherwise only record them (`npm run check`). */
  strict: boolean;
}

const sectionDepths = new Set([2, 3]);
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): Text => ({ type: 'text', value });
const hasClass = (node: Element, name: string) => ([] as unknown[]).concat(node.properties.className ?? []).includes(name);

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

function headingDepth(node: Nodes): number | undefined {
  if (node.type !== 'element') return undefined;
  const match = /^h([1-6])$/.exec(node.tagName);
  return match ? Number(match[1]) : undefined;
}

/** Typo-level corrections collected while rendering, for the notes list at the end of the article. */
interface Typo {
  n: number;
  was: string;
}

/**
 * `<Ed was="…" note="…">fix</Ed>` → visible editor's note markup. The guard has already refused anything else.
 * A typo-level correction (`was` without `note`) shows the corrected word with a footnote-style marker
 * linking to the notes list (see `notesList`); a substantive note stays inline, where it is read.
 */
function renderEditorNote(node: MdxJsxFlowElementHast | MdxJsxTextElementHast, children: ElementContent[], typos: Typo[]): Element {
  const attr = (name: string) =>
    (node.attributes as MdxJsxAttribute[]).find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value as string | undefined;
  const was = attr('was');
  const note = attr('note');
  const explanation = [was ? `the captured text reads “${was}”.` : '', note ?? ''].filter(Boolean).join(' ');
  if (node.type === 'mdxJsxFlowElement') {
    const noteBlock = el('p', { className: ['ed-note', 'ed-block'] }, [el('strong', {}, [txt('Editor’s note:')]), txt(` ${explanation}`)]);
    // A note wrapping blocks keeps them: the author's text is never dropped.
    return children.length ? el('div', { className: ['ed-wrap'] }, [...children, noteBlock]) : noteBlock;
  }
  if (was && !note && children.length) {
    const n = typos.push({ n: typos.length + 1, was });
    return el('span', { className: ['ed'] }, [
      el('ins', {}, children),
      el('a', { className: ['ed-ref'], href: `#ed-note-${n}`, id: `ed-ref-${n}`, dataPagefindIgnore: true }, [
        el('span', { ariaHidden: 'true' }, [txt(String(n))]),
        el('span', { className: ['visually-hidden'] }, [txt(` (editor’s note ${n})`)]),
      ]),
    ]);
  }
  // A correction's note carries its own leading space, so removing notes leaves the author's spacing.
  const label = (lead: string) => el('span', { className: ['ed-note'] }, [txt(`${lead}[Editor’s note: ${explanation}]`)]);
  return children.length ? el('span', { className: ['ed'] }, [el('ins', {}, children), label(' ')]) : label('');
}

/** The notes of typo-level corrections, each with a link back to its marker; appended after the article's last section. */
function notesList(typos: Typo[]): Element {
  return el('section', { className: ['ed-notes'], ariaLabelledBy: ['ed-notes-title'], dataPagefindIgnore: true }, [
    el('h2', { id: 'ed-notes-title' }, [txt('Editor’s corrections')]),
    el(
      'ol',
      {},
      typos.map(({ n, was }) =>
        el('li', { id: `ed-note-${n}`, className: ['ed-note'] }, [
          txt(`The captured text reads “${was}”. `),
          el('a', { href: `#ed-ref-${n}`, className: ['ed-back'] }, [
            el('span', { ariaHidden: 'true' }, [txt('↩')]),
            el('span', { className: ['visually-hidden'] }, [txt(`Back to correction ${n}`)]),
          ]),
        ]),
      ),
    ),
  ]);
}

function replaceJsx(parent: Root | Element, typos: Typo[]) {
  parent.children = parent.children.map((child) => {
    const node = child as unknown as MdxJsxFlowElementHast | MdxJsxTextElementHast | RootContent;
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const holder = node as unknown as Element;
      replaceJsx(holder, typos);
      return renderEditorNote(node, holder.children, typos);
    }
    if (child.type === 'element') replaceJsx(child, typos);
    return child;
  }) as typeof parent.children;
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

/**
 * The body's links and images into this site, as written, for the link check; the root-relative
 * ones (`/reports/x/`) get the base path in front (`/kb/reports/x/`), as every link of ours does.
 * Relative ones and `#fragments` resolve under the base already. Runs before anything adds links.
 */
function siteLinks(tree: Root, root: string): SiteLink[] {
  const links: SiteLink[] = [];
  const visit = (node: Root | ElementContent) => {
    // Footnote markers and their way back are the pipeline's links (remark-rehype's), not the author's.
    const footnote = node.type === 'element' && ('dataFootnoteRef' in node.properties || 'dataFootnoteBackref' in node.properties);
    if (node.type === 'element' && (node.tagName === 'a' || node.tagName === 'img') && !footnote) {
      const key = node.tagName === 'a' ? 'href' : 'src';
      const url = node.properties[key];
      if (typeof url === 'string' && url && !urlScheme(url) && !isProtocolRelative(url)) {
        links.push({ url, ...(node.position && { line: node.position.start.line }) });
        if (url.startsWith('/')) node.properties[key] = root + url.slice(1);
      }
    }
    if ('children' in node) for (const child of node.children as ElementContent[]) visit(child);
  };
  visit(tree);
  return links;
}

/** Copies passage nodes for use on another page: headings demoted two levels (they sit under event and report headings) and stripped of ids. */
function forPassage(node: RootContent): RootContent {
  if (node.type !== 'element') return node;
  // A typo marker points into this report's notes list, which a quoting page does not have: the corrected word stays, unmarked.
  if (hasClass(node, 'ed-ref')) return txt('');
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
 * Report pipeline, after Markdown becomes HTML. In one pass it records the in-site links (with
 * the base path put in front of root-relative ones), renders `<Ed>` editor's notes, gives every
 * heading an id (github-slugger, as Astro would, but never one of the frame's: frame-ids.ts) and
 * checks it (no `#` heading, no empty id, no duplicate, no empty section), finds every tool
 * mention with its sentence and links the first per section, and cuts the `##`/`###` sections out
 * for topic pages. The result is the
 * report's record (`file.data.record`, and `record` in Astro's remark frontmatter); then it adds
 * a “#” link to every heading. It does not compare the record with the frontmatter (src/lib/validate.ts does).
 */
export function rehypeReport({ tools, base, strict }: RehypeReportOptions) {
  const findMentions = createMentionFinder(tools);
  const root = base.endsWith('/') ? base : `${base}/`;
  const href = (tool: string) => `${root}tools/${tool}/`;

  return (tree: Root, file: VFile) => {
    const links = siteLinks(tree, root);
    const typos: Typo[] = [];
    replaceJsx(tree, typos);

    // Headings: ids, and the checks that keep ids meaningful and unique.
    const slugger = new GithubSlugger();
    const seen = new Map<string, number | undefined>();
    const top = tree.children;
    const headings: { index: number; depth: number; node: Element; title: string }[] = [];
    top.forEach((node, index) => {
      const depth = headingDepth(node);
      if (!depth || node.type !== 'element') return;
      const title = textOf(node).trim();
      const line = node.position?.start.line;
      const key = slugOf(title);
      if (depth === 1) {
        addProblem(file, node, `expected headings from ## down (the page shows the title as its only # heading), found "# ${title}"; write ## ${title}`);
      }
      if (!key) {
        addProblem(file, node, `expected a heading with letters or digits (its link id is made of them), found ${JSON.stringify(title)}; add words to it`);
      } else if (seen.has(key)) {
        const first = seen.get(key);
        addProblem(file, node, `expected each heading once (its link id must be unique), found "${title}" again${first ? ` (first on line ${first})` : ''}; rename one`);
      }
      seen.set(key, line);
      // A heading named like a part of the frame ("Credit", "Main") takes the next free id, "credit-1".
      let id = slugger.slug(title);
      while (isFrameId(id)) id = slugger.slug(title);
      node.properties.id ??= id || `section-${index}`;
      headings.push({ index, depth, node, title });
    });
    headings.forEach((h, i) => {
      const next = headings[i + 1];
      const between = top.slice(h.index + 1, next ? next.index : top.length);
      const empty = between.every((n) => n.type === 'text' && !n.value.trim()) && (!next || next.depth <= h.depth);
      if (empty && sectionDepths.has(h.depth)) {
        addProblem(file, h.node, `expected text under the heading "${h.title}", found ${next ? 'the next heading' : 'the end of the report'}; add text or remove the heading`);
      }
    });

    // Tool mentions: each run of text is searched once. Per section, the first mention of a tool
    // is linked (headings and links excepted), and its first sentence of prose is recorded (a
    // heading stands in only when the section has no sentence naming it).
    const mentions = new Map<string, ToolMention & { inHeading: boolean }>();
    const toolLinks = new Map<Text, Mention[]>();
    let section: string | undefined;
    let linked = new Set<string>();
    for (const node of top) {
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
    const link = (parent: Root | Element) => {
      parent.children = parent.children.flatMap((child) => {
        if (child.type === 'element') link(child);
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
    };
    link(tree);

    let parent: string | undefined;
    const sections: Section[] = headings
      .filter((h) => sectionDepths.has(h.depth))
      .map((h) => {
        const id = String(h.node.properties.id);
        if (h.depth === 2) parent = id;
        const next = headings.find((o) => o.index > h.index && o.depth <= h.depth);
        const body = top.slice(h.index + 1, next ? next.index : top.length).map(forPassage);
        return {
          id,
          depth: h.depth,
          title: h.title,
          ...(h.depth === 3 && parent ? { parent } : {}),
          html: toHtml({ type: 'root', children: body }).trim(),
        };
      });
    const record: ReportRecord = {
      headings: headings.map((h) => ({ id: String(h.node.properties.id), depth: h.depth, title: h.title, line: h.node.position?.start.line })),
      sections,
      mentions: [...mentions.values()].map(({ inHeading: _, ...m }) => m),
      words: sectionWords(sections),
      links,
    };
    file.data.record = record;
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter = { ...data.astro.frontmatter, record };
    if (strict) throwProblems(file);

    // The notes list comes after the record (it is no section of the author's) but gets its "#" link like every heading.
    const notes = typos.length ? notesList(typos) : undefined;
    if (notes) tree.children.push(notes);
    const notesHeading = notes?.children[0] as Element | undefined;
    for (const { node, title } of [...headings, ...(notesHeading ? [{ node: notesHeading, title: textOf(notesHeading) }] : [])]) {
      node.children.push(
        txt(' '),
        el('a', { className: ['anchor'], href: `#${String(node.properties.id)}`, dataPagefindIgnore: true }, [
          el('span', { ariaHidden: 'true' }, [txt('#')]),
          el('span', { className: ['visually-hidden'] }, [txt(`Link to “${title}”`)]),
        ]),
      );
    }
  };
}
