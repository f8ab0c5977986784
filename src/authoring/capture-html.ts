/**
 * An HTML capture (a saved page) → a draft body, through maintained parsers: rehype-parse →
 * rehype-remark (hast-util-to-mdast) → remark-gfm → remark-stringify (issue 20). Tables, code with
 * its language, quotes, heading levels, nested lists, emphasis, links and footnotes carry over.
 *
 * Nothing is lost in silence: every block not carried over is returned in `removed` (page chrome,
 * with the reason) or `converted` (an embed that became a link, an image that became an editor's
 * note). `captureLines` is the same extractor read as text, which the fidelity test compares with
 * the built page, so an HTML capture is held to every sentence like a text one.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { matches, select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Nodes as MdastNodes } from 'mdast';
import rehypeRemark, { type Options as ToMdastOptions } from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { chromeElement, chromeKind } from '../lib/chrome.ts';
import { noteText, type Normalized, type Removed } from './ingest.ts';
import { pageMeta, type PageMeta } from './page-meta.ts';

/** Where platforms (and Firefox's Reader view) put a post's text, most specific first; else the densest block of paragraphs. */
const articleSelectors = ['[itemprop=articleBody]', '[id^=readability-page]', 'article', 'main', '[role=main]'];

/** Blocks whose own text is a line of the capture. */
const leafBlocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'pre', 'figcaption', 'dt', 'dd', 'blockquote', 'div', 'section', 'header', 'footer', 'aside', 'nav', 'summary']);

/** The element whose children are the most paragraph text: the "densest text block". */
function densest(tree: Root): Element | undefined {
  let best: { node: Element; score: number } | undefined;
  for (const p of selectAll('p', tree)) {
    const parent = selectAll('*', tree).find((el) => el.children.includes(p));
    if (!parent) continue;
    const score = parent.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'p').reduce((n, c) => n + toText(c).length, 0);
    if (!best || score > best.score) best = { node: parent, score };
  }
  return best?.node;
}

/** The element holding the post: the first of `articleSelectors` found (the longest, when several), else the densest block. */
export function findArticle(tree: Root): Element | Root {
  for (const selector of articleSelectors) {
    const found = selectAll(selector, tree);
    if (found.length) return found.reduce((a, b) => (toText(b).length > toText(a).length ? b : a));
  }
  return densest(tree) ?? tree;
}

/** The lines of text of `node`, as a reader sees them: one per block, table cell and code line. */
export const textLines = (node: Parents | Element) =>
  toText(node as Element).split(/[\n\t]/).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);

/** Back links of footnotes ("↩"), which say nothing and have no place in the draft. */
const backref = (el: Element) => el.tagName === 'a' && (/^\s*(?:↩|↑|\^|⏎)\uFE0E?\s*$/.test(toText(el)) || [el.properties.className ?? []].flat().some((c) => /backref|footnote-back|return/i.test(String(c))));

/** A heading's own link mark ("#", "¶", "§", "🔗"), which our pages add again. */
const headingAnchor = (el: Element) => el.tagName === 'a' && String(el.properties.href ?? '').startsWith('#') && /^\s*(?:#|¶|§|🔗|link)?\s*$/i.test(toText(el));

/** Parses a saved page and finds its article, with what says nothing (scripts, comments, hidden elements, footnote back links, heading marks) taken out. */
export function parseCapture(html: string): { tree: Root; article: Element | Root } {
  const tree = fromHtml(html.replace(/^\uFEFF/, ''));
  prune(tree, (el) => ['script', 'style', 'template', 'noscript'].includes(el.tagName) && !matches('script[type="application/ld+json"]', el));
  // Comments are invisible on the page, and MDX has no HTML comments.
  const uncomment = (node: Parents) => {
    node.children = (node.children as ElementContent[]).filter((c) => c.type !== 'comment') as typeof node.children;
    for (const c of node.children) if (c.type === 'element') uncomment(c);
  };
  uncomment(tree);
  const article = findArticle(tree);
  prune(article, (el) => backref(el) || headingAnchor(el) || el.properties.hidden === true);
  for (const { link, label, target } of footnoteLinks(article)) {
    link.children = [{ type: 'text', value: label }];
    stripMarker(target, label);
  }
  return { tree, article };
}

/** Removes every element under `node` for which `drop` is true; returns them. */
function prune(node: Parents, drop: (el: Element, parent: Parents) => boolean): Element[] {
  const dropped: Element[] = [];
  const walk = (parent: Parents) => {
    parent.children = (parent.children as ElementContent[]).filter((child) => {
      if (child.type !== 'element') return true;
      if (drop(child, parent)) {
        dropped.push(child);
        return false;
      }
      // Code is the author's to the last character: nothing in it is chrome.
      if (child.tagName !== 'pre' && child.tagName !== 'code') walk(child);
      return true;
    }) as typeof parent.children;
  };
  walk(node);
  return dropped;
}

/** The lines outside `article`, each with the chrome element around it ("outside the article: navigation"). */
function outsideReasons(tree: Root, article: Element | Root): Removed[] {
  const found: Removed[] = [];
  const walk = (node: Parents) => {
    for (const child of node.children) {
      if (child.type !== 'element' || child === article) continue;
      const what = chromeElement(child) ?? (child.tagName === 'header' ? 'the site header' : undefined);
      if (what) for (const line of textLines(child)) found.push({ line, what: `outside the article: ${what}` });
      else walk(child);
    }
  };
  walk(tree);
  return found;
}

/**
 * Why `line` went: the reason recorded for it, or for the longest recorded line making up more than
 * half of it (inline chrome the extractor reads as one line, e.g. two buttons side by side).
 */
function reasonOf(line: string, reasons: Removed[]): string | undefined {
  const part = reasons.filter((r) => line.includes(r.line) && r.line.length * 2 > line.length).sort((a, b) => b.line.length - a.line.length)[0];
  return (reasons.find((r) => r.line === line) ?? part)?.what;
}

/** The lines of `before` that `after` no longer has (as many times as they went). */
function unmatched(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const line of after) left.set(line, (left.get(line) ?? 0) + 1);
  return before.filter((line) => {
    const n = left.get(line) ?? 0;
    left.set(line, n - 1);
    return n <= 0;
  });
}

/** The text lines of an HTML capture that the fidelity test holds the page to: the article's, before anything is left out. */
export function captureLines(html: string): string[] {
  return textLines(parseCapture(html).article);
}

const isBlockParent = (el: Element) => el.children.some((c) => c.type === 'element' && leafBlocks.has(c.tagName));


/** An embed's kind by its host: a video or a slide deck (a link with its title), else an embed. */
function embedKind(src: string): string {
  if (/youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|loom\.com|wistia|twitch\.tv/.test(src)) return 'Video';
  if (/speakerdeck\.com|slideshare\.net|docs\.google\.com\/presentation|slides\.com|pitch\.com/.test(src)) return 'Slides';
  return 'Embed';
}

/** An embed's address as a reader opens it: YouTube's player address becomes its watch page. */
const openable = (src: string) => src.replace(/^\/\//, 'https://').replace(/^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+).*$/, 'https://www.youtube.com/watch?v=$1');

/** An absolute http(s) link for `href` against the page's address, or undefined (the link text is kept). */
function absolute(href: unknown, base: string | undefined): string | undefined {
  if (typeof href !== 'string' || href.startsWith('#')) return undefined;
  try {
    const url = base ? new URL(href.replace(/^\/\//, 'https://'), base) : new URL(href.replace(/^\/\//, 'https://'));
    return /^(?:https?|mailto):$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The state rehype-remark hands a handler (hast-util-to-mdast's, which we do not import directly). */
type State = Parameters<NonNullable<NonNullable<ToMdastOptions['handlers']>[string]>>[0];

export interface HtmlCapture extends Normalized {
  /** Author content turned into something publishable: an embed into a link, an image into a note. */
  converted: Removed[];
  /** How many blocks were carried over as they are. */
  kept: number;
  meta: PageMeta;
}

/**
 * An HTML capture → the draft body (MDX-safe Markdown), what was removed (with why), what was
 * converted, and the page's metadata. `title` (when given) wins over the page's.
 */
export function normalizeHtml(html: string, title?: string): HtmlCapture {
  const { tree, article } = parseCapture(html);
  const meta = pageMeta(tree, article);
  const removed: Removed[] = [];
  const converted: Removed[] = [];
  const foundTitle = title ?? meta.title;

  // Outside the article: all chrome, listed line by line with why.
  if (article !== tree) {
    const where = outsideReasons(tree, article);
    for (const line of unmatched(textLines(tree), textLines(article))) {
      const what = line === foundTitle ? 'the title (now in the frontmatter)' : chromeKind(line) ?? reasonOf(line, where);
      removed.push({ line, what: what ?? 'outside the article' });
    }
  }

  // Inside: chrome elements by the list, then blocks (or loose inline runs) whose every line is
  // chrome, the title or the byline. What left is listed as the lines the extractor no longer
  // sees (so the sidecar matches `captureLines` exactly), each with the reason of its element.
  const chromeLine = (line: string) => chromeKind(line) ?? (line === foundTitle ? 'the title (now in the frontmatter)' : line === meta.author ? 'the author\'s name (now in the frontmatter)' : undefined);
  const reasons: Removed[] = [];
  const before = textLines(article);
  prune(article, (el, parent) => {
    const lines = textLines(el);
    const chrome = chromeElement(el)
      ?? (el.tagName === 'header' && parent === article ? 'the post\'s header (title, byline, date: now in the frontmatter)' : undefined);
    const alone = (leafBlocks.has(el.tagName) && !isBlockParent(el)) || (parent.type === 'element' && isBlockParent(parent));
    if (chrome) reasons.push(...lines.map((line) => ({ line, what: chrome })));
    else if (alone && lines.length && lines.every(chromeLine)) reasons.push(...lines.map((line) => ({ line, what: chromeLine(line)! })));
    else return false;
    return true;
  });
  removed.push(...unmatched(before, textLines(article)).map((line) => ({ line, what: reasonOf(line, reasons) ?? 'page chrome' })));

  // Embeds become links with their title, images editor's notes: in place, so the text around them reads on.
  convertMedia(article, converted, meta.url);
  codeLanguages(article);
  footnotes(article);

  const kept = selectAll('*', article).filter((el) => leafBlocks.has(el.tagName) && !isBlockParent(el) && textLines(el).length).length;
  const base = meta.url;
  const mdast = unified()
    .use(rehypeRemark, {
      handlers: {
        'x-fnref': (_state: State, node: Element) => ({ type: 'footnoteReference', identifier: String(node.properties.dataId), label: String(node.properties.dataId) }),
        'x-fndef': (state: State, node: Element) => ({ type: 'footnoteDefinition', identifier: String(node.properties.dataId), label: String(node.properties.dataId), children: state.toFlow(state.all(node)) }) as MdastNodes,
        'x-note': (_state: State, node: Element) => ({ type: 'html', value: `<Ed note="${String(node.properties.dataNote)}" />` }),
        h1: (state: State, node: Element) => ({ type: 'heading', depth: 2, children: state.all(node) }) as MdastNodes,
        a: (state: State, node: Element) => {
          const url = absolute(node.properties.href, base);
          return url ? ({ type: 'link', url, title: null, children: state.all(node) } as MdastNodes) : (state.all(node) as MdastNodes[]);
        },
      },
    } as never)
    .use(remarkGfm)
    .runSync(article.type === 'root' ? article : { type: 'root', children: [article] });

  oneLineCode(mdast as MdastNodes);
  const markdown = unified()
    .use(remarkGfm)
    .use(remarkStringify, {
      bullet: '-',
      fences: true,
      rule: '-',
      // MDX reads "{" and "<" in text as code: escaped the way our guard asks (\{, \<).
      unsafe: [{ character: '{' }, { character: '}' }, { character: '<' }],
    })
    .stringify(mdast as never);
  return { body: `${escapeStatements(markdown).trim()}\n`, removed, converted, kept, meta, title: foundTitle };
}

/** Replaces images, figures and embeds under `article` in place, recording each. */
function convertMedia(article: Element | Root, converted: Removed[], base: string | undefined) {
  const walk = (parent: Parents) => {
    parent.children = (parent.children as ElementContent[]).flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child];
      const media = child.tagName === 'figure' || child.tagName === 'picture' ? select('iframe, video, img', child) : ['iframe', 'video', 'img', 'embed', 'object'].includes(child.tagName) ? child : undefined;
      if (!media) {
        walk(child);
        return [child];
      }
      const caption = child.tagName === 'figure' ? select('figcaption', child) : undefined;
      const captionText = caption ? textLines(caption).join(' ') : '';
      for (const line of caption ? textLines(caption) : []) converted.push({ line, what: 'a caption, kept in the note or link of its figure' });
      const sources = [media.properties.dataSrc, media.properties.src, select('source[src]', media)?.properties.src, media.properties.data].filter((v): v is string => typeof v === 'string' && !!v);
      const src = sources.find((v) => embedKind(v) !== 'Embed') ?? sources[0] ?? '';
      if (media.tagName === 'img') {
        const alt = String(media.properties.alt ?? '').trim();
        const what = [alt, captionText].filter(Boolean).join(' — ') || 'no description';
        const note = noteText(`image not kept: ${what} (${absolute(src, base) ?? (src || 'no address')})`);
        converted.push({ line: `[image] ${alt || src}`, what: `an image, now the editor's note “${note}”` });
        // Hook for local images (issue 21): where a kept file exists, return its image element here instead of the note.
        return [{ type: 'element', tagName: 'x-note', properties: { dataNote: note }, children: [] }];
      }
      const kind = embedKind(src);
      const name = String(media.properties.title ?? '').trim() || captionText || new URL(openable(src) || 'https://unknown.invalid').hostname;
      const url = absolute(openable(src), undefined);
      converted.push({ line: `[${media.tagName}] ${src}`, what: url ? `${kind === 'Embed' ? 'an embed' : `an embedded ${kind.toLowerCase()}`}, now the link “${kind}: ${name}”` : 'an embed without an address, now an editor\'s note' });
      if (!url) return [{ type: 'element', tagName: 'x-note', properties: { dataNote: noteText(`embed not kept: ${name}`) }, children: [] }];
      return [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'a', properties: { href: url }, children: [{ type: 'text', value: `${kind}: ${name}` }] }] }];
    });
  };
  walk(article);
}

/** Code blocks name their language the way to-mdast reads it (`language-x` on `<code>`), whatever the platform wrote. */
function codeLanguages(article: Element | Root) {
  for (const pre of selectAll('pre', article)) {
    let code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    if (!code) {
      code = { type: 'element', tagName: 'code', properties: {}, children: pre.children };
      pre.children = [code];
    }
    const words = [code.properties.className, pre.properties.className].flat().map(String);
    const named = words.map((w) => /^(?:language|lang)-(.+)$/.exec(w)?.[1]).find(Boolean)
      ?? [code.properties.dataLang, pre.properties.dataLang, pre.properties.dataCodeBlockLang, code.properties.lang, pre.properties.lang, pre.properties.dataLanguage].find((v) => typeof v === 'string' && v)
      ?? (words.includes('highlight') ? words.find((w) => /^[a-z][\w+#-]*$/.test(w) && !['highlight', 'hljs', 'code', 'wp-block-code', 'undefined'].includes(w)) : undefined);
    code.properties.className = named ? [`language-${String(named).toLowerCase()}`] : [];
  }
}

/** Footnote references: in-page links whose text is a number ("1", "[1]"), with the element each points at. */
function footnoteLinks(article: Element | Root) {
  const found: { link: Element; label: string; target: Element }[] = [];
  for (const link of selectAll('a[href^="#"]', article)) {
    const label = /^\[?(\d{1,3})\]?$/.exec(toText(link).trim())?.[1];
    const id = decodeURIComponent(String(link.properties.href).slice(1));
    let target = label ? selectAll('[id]', article).find((el) => el.properties.id === id) : undefined;
    // A note's own number linking back to its reference is not a reference.
    if (found.some((f) => f.link === target)) continue;
    // Substack puts the id on the note's own number link: the note is what holds it.
    const holder = target?.tagName === 'a' ? selectAll('*', article).find((el) => el.children.includes(target!)) : undefined;
    if (holder) {
      holder.children = holder.children.filter((c) => c !== target);
      holder.properties.id = id;
      target = holder;
    }
    if (label && target) found.push({ link, label, target });
  }
  return found;
}

/** A note's own number at its start ("[1] ", "1. "), which the footnote's marker replaces. */
function stripMarker(node: Element, label: string) {
  const first = node.children.find((c) => c.type === 'element' || (c.type === 'text' && c.value.trim()));
  if (first?.type === 'element') return stripMarker(first, label);
  if (first?.type === 'text') first.value = first.value.replace(new RegExp(`^\\s*\\[?${label}\\]?[.:)]?\\s+`), '');
}

/** Footnotes as GFM footnotes: each reference a marker, its note (moved to the end) a definition. */
function footnotes(article: Element | Root) {
  const notes: Element[] = [];
  for (const { link, label, target } of footnoteLinks(article)) {
    notes.push({ type: 'element', tagName: 'x-fndef', properties: { dataId: label }, children: target.children });
    prune(article, (el) => el === target);
    Object.assign(link, { tagName: 'x-fnref', properties: { dataId: label }, children: [] });
  }
  prune(article, (el) => ['ol', 'ul'].includes(el.tagName) && !textLines(el).length && !select('img, x-note', el));
  article.children.push(...notes);
}

/**
 * Inline code on one line: a `<code>` left open in a damaged page swallows the blocks after it,
 * and inline code across a blank line would end as a stray backtick, leaving what follows unescaped.
 */
function oneLineCode(node: MdastNodes) {
  if (node.type === 'inlineCode') node.value = node.value.replace(/\s*\n\s*/g, ' ');
  if ('children' in node) for (const child of node.children) oneLineCode(child);
}

/** A line that starts with `import`/`export` outside code would be read by MDX as a statement. */
function escapeStatements(markdown: string): string {
  let fence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      return fence ? line : line.replace(/^(import|export)(\s)/, (_, word: string, after: string) => `&#${word.charCodeAt(0)};${word.slice(1)}${after}`);
    })
    .join('\n');
}
