import type { APIRoute } from 'astro';
import { catalog, sourceOf } from '../data/index.ts';
import { FEED_DESCRIPTION, FEED_TITLE, feedItems } from '../lib/feed.ts';

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the latest reports, the same as /rss.xml:
 * authors with their page, topics as tags, `date_modified` from git (when known), the original
 * post as `external_url`, and the events in `_hallway` (an extension, as the spec allows).
 */
export const GET: APIRoute = (context) => {
  const home = new URL(import.meta.env.BASE_URL, context.site);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: FEED_TITLE,
    description: FEED_DESCRIPTION,
    home_page_url: home.href,
    feed_url: new URL('feed.json', home).href,
    language: 'en',
    items: feedItems(catalog.reports, home, (id) => sourceOf('reports', id).updated).map((item) => ({
      id: item.url,
      url: item.url,
      external_url: item.original,
      title: item.title,
      summary: item.summary,
      content_text: item.summary,
      date_published: item.published.toISOString(),
      date_modified: item.updated,
      authors: item.authors,
      tags: item.topics.map((t) => t.name),
      _hallway: { events: item.events.map(({ id, name, shortName, url }) => ({ id, name, short_name: shortName, url })) },
    })),
  };
  return new Response(JSON.stringify(feed, null, 1), { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
};
