/**
 * Derived data for the list pages (reports index, year pages, tool, event and people pages):
 * reading time, grouping by year, paging, a tool's timeline, and links to the sentence that
 * mentions a tool. Pure: no Astro imports, no files, no clock.
 */
import { eventTime, type EventDays } from './format.ts';
import { createMentionFinder, type Matchable } from './mentions.ts';

export { countWords } from './words.ts';

/** Page sizes that keep every list page well inside the page budget (≤ 50 KB gzip, ≤ 300 KB raw). */
export const PAGE_SIZE = {
  /** Report cards on /reports/ (the most recent ones). */
  index: 30,
  /** Report cards on one page of a year, an event or a person. */
  list: 50,
  /** Quoted mentions on one page of a tool's year. */
  mentions: 40,
  /** Latest mentions on a tool's own page (all of them when there are no more). */
  toolLatest: 20,
} as const;

/** Words a minute for the reading-time estimate. */
export const WORDS_PER_MINUTE = 230;

/** Minutes to read `words` words, at least 1. */
export const readingMinutes = (words: number) => Math.max(1, Math.round(words / WORDS_PER_MINUTE));

/** "4 min read". */
export const formatReadingTime = (minutes: number) => `${minutes} min read`;

/** Reading time of a report, from the words its record counted in its `##` sections. */
export const reportReadingMinutes = (report: { record: { words: number } }) => readingMinutes(report.record.words);

/**
 * Whether a title says little on its own: short, or nothing more than the event's name
 * ("KubeCon", "KubeCon EU 2022"), so a list should put the event and author beside it.
 */
export function titleNeedsContext(title: string, eventNames: string[]): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const t = norm(title);
  if (t.split(' ').filter(Boolean).length <= 2) return true;
  return eventNames.some((name) => {
    const n = norm(name);
    return n.length > 0 && (n === t || n.startsWith(t) || t.startsWith(n) && t.length - n.length <= 5);
  });
}

/** Items grouped by year, newest year first, keeping the items' order inside a year. */
export function byYearDesc<T>(items: T[], year: (item: T) => number): { year: number; items: T[] }[] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const y = year(item);
    const list = groups.get(y);
    if (list) list.push(item);
    else groups.set(y, [item]);
  }
  return [...groups].sort((a, b) => b[0] - a[0]).map(([y, list]) => ({ year: y, items: list }));
}

/** One page of a list: its 1-based number, its items, and how many pages there are. */
export interface Page<T> {
  number: number;
  items: T[];
  pages: number;
}

/** Splits `items` into pages of at most `size` (at least one page, even when empty). */
export function paginate<T>(items: T[], size: number): Page<T>[] {
  if (size < 1) throw new Error('page size must be at least 1');
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({ number: i + 1, items: items.slice(i * size, (i + 1) * size), pages }));
}

/** The address of page `n` under `first` (which ends in "/"): page 1 is `first` itself, then `first` + "2/". */
export const pageHref = (first: string, n: number) => (n <= 1 ? first : `${first}${n}/`);

/** The Astro rest parameter for page `n`: undefined for page 1, "2", "3", … after. */
export const pageParam = (n: number) => (n <= 1 ? undefined : String(n));

/** One bar of a timeline: a year, or an event, and how many mentions it has. */
export interface TimelineEntry<K> {
  key: K;
  count: number;
}

/**
 * Mentions counted by year (newest first) and by event (newest first), for a tool's timeline.
 * `max` is the largest count, for scaling bars.
 */
export function timeline<T, E extends { id: string } & EventDays>(
  items: T[],
  eventOf: (item: T) => E,
): { years: TimelineEntry<number>[]; events: TimelineEntry<E>[]; maxYear: number; maxEvent: number } {
  const years = new Map<number, number>();
  const events = new Map<string, TimelineEntry<E>>();
  for (const item of items) {
    const e = eventOf(item);
    const y = e.year;
    years.set(y, (years.get(y) ?? 0) + 1);
    const entry = events.get(e.id) ?? { key: e, count: 0 };
    entry.count += 1;
    events.set(e.id, entry);
  }
  const yearList = [...years].sort((a, b) => b[0] - a[0]).map(([key, count]) => ({ key, count }));
  const eventList = [...events.values()].sort((a, b) => eventTime(b.key) - eventTime(a.key) || a.key.id.localeCompare(b.key.id));
  return {
    years: yearList,
    events: eventList,
    maxYear: Math.max(0, ...yearList.map((y) => y.count)),
    maxEvent: Math.max(0, ...eventList.map((e) => e.count)),
  };
}

/** A bar length in tenths (1–10) of `count` against `max`, for a class such as `bar-7` (no inline styles under the CSP). */
export const barTenths = (count: number, max: number) => (max <= 0 ? 0 : Math.max(1, Math.min(10, Math.round((count / max) * 10))));

/** A sentence cut around a span: the text before, the span, and the text after. */
export interface Marked {
  before: string;
  mark: string;
  after: string;
}

/** Splits `sentence` around the span [index, index + length), or undefined when it is out of range. */
export function markSpan(sentence: string, span: { index: number; length: number } | undefined): Marked | undefined {
  if (!span || span.length <= 0 || span.index < 0 || span.index + span.length > sentence.length) return undefined;
  return {
    before: sentence.slice(0, span.index),
    mark: sentence.slice(span.index, span.index + span.length),
    after: sentence.slice(span.index + span.length),
  };
}

/** Percent-encodes a text directive term: like encodeURIComponent, plus "-" (and the reserved "&" and ","). */
const encodeTerm = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');

/**
 * A text fragment directive (`:~:text=…`) for a sentence, without the leading "#". Short sentences
 * are quoted whole; long ones as their first and last `words` words (`text=start,end`), which
 * survive small differences inside the sentence. Empty for an empty sentence.
 */
export function textDirective(sentence: string, words = 5): string {
  const tokens = sentence.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return '';
  if (tokens.length <= words * 2) return `:~:text=${encodeTerm(tokens.join(' '))}`;
  return `:~:text=${encodeTerm(tokens.slice(0, words).join(' '))},${encodeTerm(tokens.slice(-words).join(' '))}`;
}

/**
 * The link to a sentence on a report page: the section id (where a browser without text fragments,
 * or a sentence that no longer matches, lands) followed by the text directive, e.g.
 * `/reports/x/#operators:~:text=…`. Chromium scrolls to and highlights the text when it matches
 * and falls back to the element id when it does not.
 */
export function sentenceHref(reportHref: string, sectionId: string | undefined, sentence: string): string {
  const directive = textDirective(sentence);
  const fragment = `${sectionId ?? ''}${directive}`;
  return fragment ? `${reportHref}#${fragment}` : reportHref;
}

const finders = new Map<string, ReturnType<typeof createMentionFinder>>();
/**
 * `sentence` cut around the first mention of `tool` (prose spellings first, then code-only ones,
 * since the sentence may come from code), or undefined when no spelling matches.
 */
export function markMention(sentence: string, tool: Matchable): Marked | undefined {
  let find = finders.get(tool.id);
  if (!find) finders.set(tool.id, (find = createMentionFinder([tool])));
  return markSpan(sentence, find(sentence)[0] ?? find(sentence, true)[0]);
}
