import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalog } from '../data/index.ts';

/** RSS feed of every report, newest event first. */
export const GET: APIRoute = (context) =>
  rss({
    title: 'Hallway Track',
    description: 'Conference trip reports our engineers brought back.',
    site: new URL(import.meta.env.BASE_URL, context.site),
    items: [...catalog.reports].reverse().map((report) => ({
      title: report.title,
      link: `${import.meta.env.BASE_URL}reports/${report.id}/`,
      description: report.summary,
      pubDate: report.published ?? report.event.end,
      author: report.author.name,
      categories: [report.event.shortName, ...report.topics.map((t) => t.topic.title)],
    })),
  });
