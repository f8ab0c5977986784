/**
 * How a topic's passages are split into pages, so every page stays within the page budget
 * (≤ 50 KB gzip, ≤ 300 KB raw) at any corpus size and every passage keeps one stable URL.
 *
 * The decision:
 * - Every passage lives on its YEAR page, `/topics/<id>/<year>/#<anchor>`, with the full section.
 *   The anchor is `<report id>--<section id>`: both ids are stable (report ids are file names or
 *   slugs, section ids are checked heading ids), so the anchor never changes as the topic grows.
 *   A passage's year is its report's event year and never changes either.
 * - A year whose passages would pass the byte budget is paged further: `/topics/<id>/<year>/`,
 *   then `/topics/<id>/<year>/2/`, … in a fixed order (event date, then report id, then the
 *   section's place in the report), filled greedily. New reports usually belong to the latest
 *   year, so older years' pages do not move; a late report about an old event can move the
 *   passages after it on that year's pages, which is the price of a bounded page.
 * - `/topics/<id>/` is the page a teammate is sent: the summary, the year/event rail, and the
 *   newest passages (key excerpt and full section) while they fit `frontBudget` and `frontMax`;
 *   each of them links to its permanent place, and the rail reaches every year and event.
 *
 * Pure: it takes passages and a size estimate, reads no files and no clock.
 */
import type { Event, Passage } from './catalog.ts';
import { eventTime } from './format.ts';

/** A passage with where it lives for good. */
export interface Placed {
  passage: Passage;
  /** Id of the passage on every page that shows it, e.g. "kubecon-2022-recap--operators". */
  anchor: string;
  /** Its page, relative to the topic's URL, e.g. "2022/" or "2022/2/". */
  page: string;
}

export interface YearPage {
  /** Relative to the topic's URL: "2022/" or "2022/2/". */
  path: string;
  year: number;
  /** 1-based page number within the year, and how many pages the year has. */
  number: number;
  of: number;
  /** Passages in event date, report id, section order. */
  passages: Placed[];
}

export interface EventEntry {
  event: Event;
  count: number;
  /** Relative link to the event's first passage of this topic: "2022/#event-kubecon-eu-2022". */
  href: string;
}

export interface YearEntry {
  year: number;
  count: number;
  /** Relative link to the year's first page. */
  href: string;
  /** Events in date order. */
  events: EventEntry[];
}

export interface TopicPlan {
  /** Years, newest first. */
  years: YearEntry[];
  pages: YearPage[];
  /** The newest passages for the topic's own page, newest event first. */
  front: Placed[];
  /** Every passage, in page order. */
  all: Placed[];
}

export interface PlanOptions {
  /** Estimated HTML bytes a passage adds to a page (its full section, excerpt and chrome). */
  size: (p: Passage) => number;
  /** Estimated bytes of passages per year page. */
  pageBudget?: number;
  /** Estimated bytes of passages on the topic's own page. */
  frontBudget?: number;
  /** At most this many passages on the topic's own page. */
  frontMax?: number;
}

/** Stable id of a passage on a topic page. */
export const passageAnchor = (p: Passage) => `${p.report.id}--${p.section.id}`;
/** Id of an event's first passage on a year page. */
export const eventAnchor = (event: { id: string }) => `event-${event.id}`;

/** Event date, then report id, then the section's place in its report. */
function compare(a: Passage, b: Passage): number {
  return (
    eventTime(a.report.event) - eventTime(b.report.event) ||
    (a.report.event.id < b.report.event.id ? -1 : a.report.event.id > b.report.event.id ? 1 : 0) ||
    (a.report.id < b.report.id ? -1 : a.report.id > b.report.id ? 1 : 0) ||
    a.report.sections.indexOf(a.section) - b.report.sections.indexOf(b.section)
  );
}

/**
 * Splits a topic's passages into year pages (paged further when a year passes `pageBudget`) and
 * picks the newest that fit on the topic's own page. A single passage larger than the budget
 * still gets a page of its own. Does not render anything.
 */
export function planTopic(passages: Passage[], { size, pageBudget = 100_000, frontBudget = 90_000, frontMax = 12 }: PlanOptions): TopicPlan {
  const sorted = [...passages].sort(compare);
  const byYear = new Map<number, Passage[]>();
  for (const p of sorted) byYear.set(p.report.event.year, [...(byYear.get(p.report.event.year) ?? []), p]);

  const pages: YearPage[] = [];
  const years: YearEntry[] = [];
  for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const chunks: Passage[][] = [];
    let bytes = Infinity;
    for (const p of list) {
      const s = size(p);
      if (bytes + s > pageBudget) {
        chunks.push([]);
        bytes = 0;
      }
      chunks.at(-1)!.push(p);
      bytes += s;
    }
    const yearPages = chunks.map((chunk, i): YearPage => {
      const path = i === 0 ? `${year}/` : `${year}/${i + 1}/`;
      return { path, year, number: i + 1, of: chunks.length, passages: chunk.map((passage) => ({ passage, anchor: passageAnchor(passage), page: path })) };
    });
    pages.push(...yearPages);
    const events = new Map<string, EventEntry>();
    for (const page of yearPages) {
      for (const { passage } of page.passages) {
        const event = passage.report.event;
        const entry = events.get(event.id) ?? { event, count: 0, href: `${page.path}#${eventAnchor(event)}` };
        entry.count += 1;
        events.set(event.id, entry);
      }
    }
    years.push({ year, count: list.length, href: `${year}/`, events: [...events.values()] });
  }
  years.reverse();

  const all = pages.flatMap((p) => p.passages);
  // Newest first: whole events from the latest back, passages in page order within an event.
  const newest = [...all].sort((a, b) => {
    const ea = a.passage.report.event;
    const eb = b.passage.report.event;
    return eventTime(eb) - eventTime(ea) || (ea.id < eb.id ? -1 : ea.id > eb.id ? 1 : 0) || all.indexOf(a) - all.indexOf(b);
  });
  const front: Placed[] = [];
  let used = 0;
  for (const placed of newest) {
    const s = size(placed.passage);
    if (front.length >= frontMax || (front.length > 0 && used + s > frontBudget)) break;
    front.push(placed);
    used += s;
  }
  return { years, pages, front, all };
}

/**
 * Columns of the topic × event matrix: the `max` most recent events that have a passage on any
 * topic, in date order, and how many earlier events are left out. Bounded so `/topics/` stays
 * within the page budget however many events the corpus gathers; each topic page's rail reaches
 * every earlier event.
 */
export function matrixColumns(events: Event[], withPassages: Set<string>, max = 12): { columns: Event[]; earlier: Event[] } {
  const used = events.filter((e) => withPassages.has(e.id)).sort((a, b) => eventTime(a) - eventTime(b) || a.id.localeCompare(b.id));
  return { columns: used.slice(-max), earlier: used.slice(0, Math.max(0, used.length - max)) };
}

/**
 * Estimated HTML bytes of a passage on a topic page: the full section, a key excerpt (at most the
 * section, usually far less) and about 900 bytes of heading, links and disclosure.
 */
export const passageSize = (p: Passage) => p.section.html.length + Math.min(p.section.html.length, 2500) + 900;

/** "2019", "2019 to 2024": the years a plan covers. */
export function yearSpan(plan: Pick<TopicPlan, 'years'>): string {
  const first = plan.years.at(-1)?.year;
  const last = plan.years[0]?.year;
  if (first === undefined || last === undefined) return '';
  return first === last ? String(first) : `${first} to ${last}`;
}
