/**
 * Turns Pagefind results into DOM for the search page and the header popover.
 * Builds elements with textContent; Pagefind's excerpt HTML is reduced to text and <mark>.
 */
import type { ResultData, SubResult } from './pagefind.ts';

type Child = Node | string | null | undefined | false;

/** `h('a', { href: '/x/' }, 'text')`: an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Pagefind's excerpt (escaped text with <mark>) as text nodes and <mark> elements only. */
export function marked(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') out.append(h('mark', {}, node.textContent ?? ''));
    else out.append(node.textContent ?? '');
  }
  return out;
}

const kinds: Record<string, string> = { topics: 'Topic', tools: 'Tool', events: 'Event', reports: 'Report' };

/** "Topic", "Tool", "Event" or "Report", from the first path segment after `base`. */
export function kindOf(url: string, base = import.meta.env.BASE_URL): string {
  const path = new URL(url, 'https://x.invalid').pathname;
  const rest = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  return kinds[rest.split('/')[0] ?? ''] ?? 'Page';
}

const monthYear = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The line under a title: "KubeCon EU 2022 · May 2022 · Author" for reports, the kind otherwise. */
export function metaLine(data: ResultData): Node {
  const { event, date, author } = data.meta;
  if (!event) return document.createTextNode(kindOf(data.url));
  const line = document.createDocumentFragment();
  line.append(event);
  if (date) line.append(' · ', h('time', { datetime: date }, monthYear(date)));
  if (author) line.append(' · ', author);
  return line;
}

export const titleOf = (data: ResultData) => data.meta.title?.trim() || data.url;

/**
 * The passages under headings that matched, best first (most matches), at most `limit`,
 * then put back in page order. Text before the first heading is the main excerpt, not a passage.
 */
export function passages(data: ResultData, limit: number): SubResult[] {
  return data.sub_results
    .filter((s) => s.anchor && s.url.includes('#'))
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.locations.length - a.s.locations.length || a.i - b.i)
    .slice(0, limit)
    .sort((a, b) => a.i - b.i)
    .map(({ s }) => s);
}

/** A result of the search page: an article with a title link, meta line, excerpt and passages. */
export function resultArticle(data: ResultData, { withPassages }: { withPassages: boolean }): HTMLElement {
  const subs = withPassages ? passages(data, 3) : [];
  return h(
    'article',
    { class: 'result' },
    h('h3', {}, h('a', { href: data.url }, titleOf(data))),
    h('p', { class: 'result-meta' }, metaLine(data)),
    h('p', { class: 'excerpt' }, marked(data.excerpt)),
    subs.length > 0 &&
      h(
        'ul',
        { class: 'passages', 'aria-label': `Matching sections of “${titleOf(data)}”` },
        ...subs.map((s) =>
          h(
            'li',
            {},
            h('a', { href: s.url }, s.title),
            // The page excerpt often is this passage's excerpt; it is not repeated.
            s.excerpt !== data.excerpt && h('p', { class: 'excerpt' }, marked(s.excerpt)),
          ),
        ),
      ),
  );
}

/** A result of the header popover: a compact link, plus links to up to two matching sections. */
export function resultHit(data: ResultData): HTMLElement {
  const subs = passages(data, 2);
  return h(
    'li',
    { class: 'hit' },
    h(
      'a',
      { href: data.url, class: 'hit-main' },
      h('span', { class: 'hit-title' }, titleOf(data)),
      h('span', { class: 'hit-meta' }, metaLine(data)),
      h('span', { class: 'hit-excerpt' }, marked(data.excerpt)),
    ),
    subs.length > 0 &&
      h('ul', { class: 'hit-passages' }, ...subs.map((s) => h('li', {}, h('a', { href: s.url }, s.title)))),
  );
}
