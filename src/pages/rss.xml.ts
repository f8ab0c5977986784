import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalog, sourceOf } from '../data/index.ts';
import { FEED_DESCRIPTION, FEED_TITLE, feedItems } from '../lib/feed.ts';

/**
 * Text and attribute values inside `customData`, which @astrojs/rss parses as XML and writes out
 * again: named entities, which its parser decodes (numeric ones it would escape a second time).
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!);

/**
 * RSS feed of the latest reports, newest event first (src/lib/feed.ts; /feed.json has the same).
 * Authors are `dc:creator` (RSS's own `author` is an e-mail address), events and topics are
 * categories whose `domain` is their index, and the last commit's date is `atom:updated`.
 */
export const GET: APIRoute = (context) => {
  const home = new URL(import.meta.env.BASE_URL, context.site);
  return rss({
    title: FEED_TITLE,
    description: FEED_DESCRIPTION,
    site: home,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    items: feedItems(catalog.reports, home, (id) => sourceOf('reports', id).updated).map((item) => ({
      title: item.title,
      link: item.url,
      description: item.summary,
      pubDate: item.published,
      customData: [
        ...item.authors.map((a) => `<dc:creator>${xml(a.name)}</dc:creator>`),
        ...item.events.map((e) => `<category domain="${xml(new URL('events/', home).href)}">${xml(e.shortName)}</category>`),
        ...item.topics.map((t) => `<category domain="${xml(new URL('topics/', home).href)}">${xml(t.name)}</category>`),
        item.updated ? `<atom:updated>${xml(item.updated)}</atom:updated>` : '',
      ].join(''),
    })),
  });
};
