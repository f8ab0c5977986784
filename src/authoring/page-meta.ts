/**
 * Facts a saved web page states about its post (issue 20): title, author, published date,
 * canonical address and site name, read from the places platforms put them: `<meta>` (og:*,
 * article:*, author), `<link rel=canonical>`, JSON-LD, `<time datetime>` and a "Posted on …" line.
 * Only what the page says: a fact it lacks stays undefined, never guessed.
 */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export interface PageMeta {
  title?: string;
  author?: string;
  /** YYYY-MM-DD. */
  published?: string;
  /** An absolute http(s) address. */
  url?: string;
  site?: string;
}

const attr = (node: Element | undefined, name: string) => {
  const value = node?.properties[name];
  return typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ') : undefined;
};
const meta = (tree: Root, ...keys: string[]) => {
  for (const key of keys) {
    const found = attr(select(`meta[property="${key}"], meta[name="${key}"]`, tree), 'content');
    if (found) return found;
  }
  return undefined;
};

/** Every JSON-LD object on the page, `@graph` members included; a block that is not JSON is skipped. */
function jsonLd(tree: Root): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const script of selectAll('script[type="application/ld+json"]', tree)) {
    try {
      const data: unknown = JSON.parse(toText(script));
      for (const item of [data].flat()) {
        if (item && typeof item === 'object') found.push(item as Record<string, unknown>, ...[(item as { '@graph'?: unknown })['@graph'] ?? []].flat() as Record<string, unknown>[]);
      }
    } catch {
      // Not JSON: the page's own problem; the other sources still count.
    }
  }
  return found;
}

const nameOf = (value: unknown): string | undefined => {
  const first = [value].flat()[0];
  if (typeof first === 'string') return first.trim() || undefined;
  if (first && typeof first === 'object' && typeof (first as { name?: unknown }).name === 'string') return (first as { name: string }).name.trim() || undefined;
  return undefined;
};

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** YYYY-MM-DD from an ISO date-time or a written date ("Mar 28, 2024", "28 March 2024"), or undefined. */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const written = /\b(?:([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4}))\b/.exec(value);
  if (!written) return undefined;
  const month = months.indexOf((written[1] ?? written[5])!.toLowerCase()) + 1;
  const day = Number(written[2] ?? written[4]);
  if (!month || day < 1 || day > 31) return undefined;
  return `${written[3] ?? written[6]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const textOf = (tree: Root, selector: string) => {
  const found = select(selector, tree);
  return found ? toText(found).trim().replace(/\s+/g, ' ') || undefined : undefined;
};

const httpUrl = (value: string | undefined) => (value && /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value) ? value : undefined);

/** The facts `tree` (a whole saved page) states; `article` is where its text is, for `<time>` and "Posted on …". */
export function pageMeta(tree: Root, article: Element | Root = tree): PageMeta {
  const ld = jsonLd(tree).filter((item) => /Article|Posting|BlogPosting|WebPage/.test(String(item['@type'] ?? '')));
  const fromLd = (key: string) => ld.map((item) => nameOf(item[key])).find(Boolean);
  const posted = /^(?:posted|published|updated)?(?: on| at)?:?\s*(.+)$/i;
  const postedLine = toText(article).split('\n').map((l) => l.trim()).find((l) => /^(?:posted|published)(?: on| at)?:? /i.test(l));
  const heading = select('h1', article) ?? select('h1', tree);
  return {
    title: meta(tree, 'og:title', 'twitter:title') ?? fromLd('headline') ?? (heading ? toText(heading).trim() : undefined) ?? (select('title', tree) ? toText(select('title', tree)!).trim() : undefined),
    author: fromLd('author') ?? [meta(tree, 'author', 'article:author', 'twitter:creator')].find((a) => a && !/^(?:https?:|@)/.test(a))
      ?? textOf(tree, '[rel~=author], [itemprop=author] [itemprop=name], [itemprop=author], .reader-credits'),
    published: isoDay(attr(select('time[datetime]', article) ?? select('time[datetime]', tree), 'dateTime'))
      ?? isoDay(fromLd('datePublished'))
      ?? isoDay(meta(tree, 'article:published_time', 'datePublished', 'date'))
      ?? isoDay(postedLine && posted.exec(postedLine)?.[1]),
    // Firefox's Reader view keeps only the address and the domain, in its header.
    url: httpUrl(attr(select('link[rel~=canonical]', tree), 'href')) ?? httpUrl(meta(tree, 'og:url')) ?? httpUrl(fromLd('url')) ?? httpUrl(attr(select('a.reader-domain', tree), 'href')),
    site: meta(tree, 'og:site_name', 'application-name') ?? ld.map((item) => nameOf(item.publisher)).find(Boolean) ?? textOf(tree, '.reader-domain'),
  };
}
