/**
 * Turns Pagefind results into DOM for the search page and the header popover.
 * Builds elements with textContent; Pagefind's excerpt HTML is reduced to text and <mark>.
 */
import { listedSites, type ResultData, type Site, type SubResult } from './pagefind.ts';

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

/** A run of excerpt text, marked (a match) or not. */
interface Run { text: string; mark: boolean }

/** Punctuation Pagefind keeps on a matched word ("operators," "(Helm)"): shown outside the highlight. */
const EDGE = /^([\p{Ps}\p{Pi}"'`]*)([\s\S]*?)([\p{Pe}\p{Pf}\p{Po}"'`]*)$/u;

/** Pagefind's excerpt (escaped text with <mark>) as runs, with highlights trimmed to the words. */
export function runs(html: string): Run[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out: Run[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = out.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else out.push({ text, mark });
  };
  for (const node of template.content.childNodes) {
    const text = node.textContent ?? '';
    if (node.nodeName !== 'MARK') push(text, false);
    else {
      const [, lead = '', word = '', trail = ''] = EDGE.exec(text) ?? [];
      push(lead, false);
      push(word, true);
      push(trail, false);
    }
  }
  return out;
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Runs without their first `n` characters. */
function drop(list: Run[], n: number): Run[] {
  const out: Run[] = [];
  for (const run of list) {
    if (n >= run.text.length) n -= run.text.length;
    else {
      out.push({ ...run, text: run.text.slice(n) });
      n = 0;
    }
  }
  return out;
}

/**
 * Pagefind's excerpts read headings as text: "Kubernetes operators At CD2022 we…". Where one of
 * the page's `headings` starts the excerpt it is dropped (the heading is shown on its own line);
 * where one appears inside, it is split out as a heading run, so it renders apart from the text.
 */
export function separate(list: Run[], headings: string[]): { heading?: string; runs: Run[] }[] {
  const names = [...new Set(headings.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 2))].sort((a, b) => b.length - a.length);
  const text = list.map((r) => r.text).join('');
  const lower = text.toLowerCase();
  const cuts: { at: number; end: number; heading: string }[] = [];
  for (const name of names) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(name.toLowerCase(), from);
      if (at < 0) break;
      const end = at + name.length;
      // A heading starts the excerpt or follows a sentence's end, and is followed by a capital, digit or the end.
      const before = text.slice(0, at).trimEnd();
      const after = text.slice(end).trimStart();
      const starts = before === '' || /[.!?:…)"”]$/.test(before);
      const ends = after === '' || /^[\p{Lu}\d"“(]/u.test(after);
      if (starts && ends && !cuts.some((c) => at < c.end && end > c.at)) cuts.push({ at, end, heading: text.slice(at, end) });
      from = end;
    }
  }
  cuts.sort((a, b) => a.at - b.at);
  const parts: { heading?: string; runs: Run[] }[] = [];
  let pos = 0;
  let heading: string | undefined;
  const slice = (from: number, to: number) => drop(list, from).reduce<{ out: Run[]; left: number }>(
    (acc, r) => {
      if (acc.left > 0) acc.out.push({ ...r, text: r.text.slice(0, acc.left) });
      acc.left -= r.text.length;
      return acc;
    },
    { out: [], left: to - from },
  ).out.filter((r) => r.text.trim() || r.text === ' ');
  for (const cut of cuts) {
    const chunk = slice(pos, cut.at);
    if (chunk.some((r) => r.text.trim()) || heading) parts.push({ heading, runs: chunk });
    heading = cut.heading;
    pos = cut.end;
  }
  parts.push({ heading, runs: slice(pos, text.length) });
  for (const part of parts) {
    const first = part.runs[0];
    if (first) first.text = first.text.trimStart();
  }
  return parts.filter((p) => p.heading || p.runs.some((r) => r.text.trim()));
}

/** Runs as text nodes and <mark> elements. */
export function fromRuns(list: Run[]): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const run of list) out.append(run.mark ? h('mark', {}, run.text) : run.text);
  return out;
}

/** Pagefind's excerpt (escaped text with <mark>) as text nodes and <mark> elements only, highlights on the words. */
export const marked = (html: string) => fromRuns(runs(html));

/** An excerpt paragraph whose run-in headings (any of `headings`) are set apart; `own` is dropped where it leads. */
export function excerptBlock(html: string, headings: string[], own?: string): HTMLElement {
  let parts = separate(runs(html), own ? [own, ...headings] : headings);
  if (own && norm(parts[0]?.heading ?? '') === norm(own)) parts = [{ runs: parts[0]!.runs }, ...parts.slice(1)];
  return h(
    'p',
    { class: 'excerpt' },
    ...parts.flatMap((part, i) => [
      part.heading ? h('span', { class: 'excerpt-heading' }, part.heading) : null,
      i > 0 && !part.heading ? ' ' : null,
      fromRuns(part.runs),
    ]),
  );
}

const kinds: Record<string, string> = { topics: 'Topic', tools: 'Tool', events: 'Event', reports: 'Report', talks: 'Talk', people: 'Person' };

/** "Topic", "Tool", "Event", "Talk", "Person" or "Report", from the first path segment after `base`. */
export function kindOf(url: string, base = import.meta.env.BASE_URL): string {
  const path = new URL(url, 'https://x.invalid').pathname;
  const rest = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  return kinds[rest.split('/')[0] ?? ''] ?? 'Page';
}

let others: Site[] | undefined;
/** The listed site a result comes from (its URLs are absolute, under the site's base), or undefined for ours. */
export function siteOf(url: string): Site | undefined {
  others ??= listedSites().sites;
  return others.find((site) => url.startsWith(site.url));
}

const monthYear = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The line under a title: "Report · KubeCon EU 2022 · May 2022 · Author" for reports, the kind
 * otherwise; a result from another site starts with that site's name.
 */
export function metaLine(data: ResultData): Node {
  const { event, date, author } = data.meta;
  const site = siteOf(data.url);
  const line = document.createDocumentFragment();
  if (site) line.append(h('span', { class: 'site' }, site.name), ' · ');
  line.append(h('span', { class: 'kind' }, kindOf(data.url, site ? new URL(site.url).pathname : undefined)));
  if (!event) return line;
  line.append(' · ', event);
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

function overlaps(excerpt: string, subs: SubResult[], headings: string[]): boolean {
  if (subs.some((s) => s.excerpt === excerpt)) return true;
  const shown = new Set(subs.map((s) => norm(s.title)));
  return separate(runs(excerpt), headings).some((p) => p.heading && shown.has(norm(p.heading)));
}

/** A result of the search page: an article with a title link, meta line, excerpt and passages. */
export function resultArticle(data: ResultData, { withPassages }: { withPassages: boolean }): HTMLElement {
  const subs = withPassages ? passages(data, 3) : [];
  const headings = data.sub_results.filter((s) => s.anchor).map((s) => s.title);
  return h(
    'article',
    { class: 'result' },
    h('h3', {}, h('a', { href: data.url }, titleOf(data))),
    h('p', { class: 'result-meta' }, metaLine(data)),
    // The page excerpt is left out when it is one of the passages below (it runs into its heading).
    !overlaps(data.excerpt, subs, headings) && excerptBlock(data.excerpt, headings),
    subs.length > 0 &&
      h(
        'ul',
        { class: 'passages', 'aria-label': `Matching sections of “${titleOf(data)}”` },
        ...subs.map((s) =>
          h(
            'li',
            {},
            h('a', { href: s.url, class: 'passage-title' }, s.title),
            excerptBlock(s.excerpt, headings, s.title),
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
