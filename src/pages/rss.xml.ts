import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalog } from '../data/index.ts';

/** How many reports the feed carries: the latest only, so it does not grow with the corpus. */
const FEED_SIZE = 50;

/** RSS feed of the latest reports, newest event first. */
export const GET: APIRoute = (context) =>
  rss({
    title: 'Hallway Track',
    description: 'Conference trip reports our engineers brought back.',
    site: new URL(import.meta.env.BASE_URL, context.site),
    items: [...catalog.reports].reverse().slice(0, FEED_SIZE).map((report) => ({
      title: report.title,
      link: `${import.meta.env.BASE_URL}reports/${report.id}/`,
      description: report.summary,
      pubDate: report.published ?? report.event.end,
      author: report.author.name,
      categories: [report.event.shortName, ...report.topics.map((t) => t.topic.title)],
    })),
  });
