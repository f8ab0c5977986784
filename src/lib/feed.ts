/**
 * The feeds' one view of the latest reports, written out as RSS (src/pages/rss.xml.ts) and as
 * JSON Feed 1.1 (src/pages/feed.json.ts), so both carry the same reports, authors, topics, events
 * and dates. Every URL is absolute, under the site's origin and base.
 */
import type { Report } from './catalog.ts';
import { eventTime } from './format.ts';

/** How many reports a feed carries: the latest only, so it does not grow with the corpus. */
export const FEED_SIZE = 50;
export const FEED_TITLE = 'Hallway Track';
export const FEED_DESCRIPTION = 'Conference trip reports our engineers brought back.';

interface Link {
  name: string;
  url: string;
}

export interface FeedItem {
  url: string;
  title: string;
  summary: string;
  /** The original post's date, else the event's last day. */
  published: Date;
  /** The committer date of the report file's last commit (ISO 8601), when git knows it. */
  updated?: string;
  authors: Link[];
  topics: Link[];
  /** Its event, then the co-located events it also covers. */
  events: (Link & { id: string; shortName: string })[];
  /** The original post, for reports first published elsewhere. */
  original?: string;
}

/** The latest reports (by event, newest first) as feed items; `home` is the site's URL with its base. */
export function feedItems(reports: readonly Report[], home: URL, updatedOf: (id: string) => string | undefined): FeedItem[] {
  const at = (path: string) => new URL(path, home).href;
  return [...reports].reverse().slice(0, FEED_SIZE).map((report) => ({
    url: at(`reports/${report.id}/`),
    title: report.title,
    summary: report.summary,
    published: report.published ?? report.event.end ?? new Date(eventTime(report.event)),
    updated: updatedOf(report.id),
    authors: [{ name: report.author.name, url: at(`people/${report.author.id}/`) }],
    topics: report.topics.map(({ topic }) => ({ name: topic.title, url: at(`topics/${topic.id}/`) })),
    events: [report.event, ...report.alsoCovers].map((e) => ({ id: e.id, name: e.name, shortName: e.shortName, url: at(`events/${e.id}/`) })),
    original: report.source?.url,
  }));
}
