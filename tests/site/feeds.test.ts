/**
 * The feeds of the fixture builds, at / and under /kb/: /feed.json is a JSON Feed 1.1 and /rss.xml
 * well-formed RSS 2.0, both advertised in every page's <head>, with the fixture's reports, their
 * authors, topics and events, and URLs under the base. Whether a report has a last-updated date
 * depends on git (tests/site/history.test.ts); here the feed must agree with the report's page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fixture, fixtureKb, reportIds } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_text?: string;
  content_html?: string;
  date_published: string;
  date_modified?: string;
  authors: { name: string; url: string }[];
  tags: string[];
  _hallway: { events: { id: string; name: string; url: string }[] };
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

for (const build of [fixture, fixtureKb]) {
  const site = openSite(build.dir, build.base);
  const reports = reportIds(build.content);
  /** The site path of an absolute URL of this build, checked to be under its base. */
  const pathOf = (url: string) => {
    const { pathname } = new URL(url);
    assert.ok(pathname.startsWith(build.base), `${url} is under ${build.base}`);
    return pathname;
  };
  const text = (path: string, selector: string) => site.page(path).querySelector(selector)?.textContent.trim();
  /** A report page's topics, author and events, as its page shows them. */
  const shown = (path: string) => {
    const page = site.page(path);
    return {
      topics: page.querySelectorAll('#topics ~ ul > li > a:first-child').map((a) => a.textContent.trim()),
      author: page.querySelector('header .meta strong a')?.getAttribute('href'),
      events: page.querySelector('header .meta')!.querySelectorAll('a').map((a) => a.getAttribute('href')),
      updated: page.querySelector('.page-source time')?.getAttribute('datetime'),
    };
  };

  describe(`${build.name}: feeds`, () => {
    test('every page advertises the RSS feed and the JSON Feed, and both exist', () => {
      for (const path of site.pages) {
        const head = site.page(path).querySelector('head')!;
        assert.equal(head.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href'), `${build.base}rss.xml`, path);
        assert.equal(head.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute('href'), `${build.base}feed.json`, path);
      }
      assert.ok(site.fileFor(`${build.base}rss.xml`) && site.fileFor(`${build.base}feed.json`));
    });

    test('/feed.json is a JSON Feed 1.1 of the reports, with authors, topics, events and dates', () => {
      const feed = JSON.parse(readFileSync(join(build.dir, 'feed.json'), 'utf8')) as { version: string; title: string; home_page_url: string; feed_url: string; items: JsonFeedItem[] };
      assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
      assert.ok(feed.title);
      assert.equal(pathOf(feed.home_page_url), build.base);
      assert.equal(pathOf(feed.feed_url), `${build.base}feed.json`);
      assert.deepEqual(feed.items.map((i) => pathOf(i.url)).sort(), reports.map((id) => `${build.base}reports/${id}/`).sort(), 'one item per report');
      for (const item of feed.items) {
        const path = pathOf(item.url);
        const page = shown(path);
        assert.equal(item.id, item.url, `${path}: id`);
        assert.equal(item.title, text(path, 'h1'), `${path}: title`);
        assert.ok(item.summary && (item.content_text || item.content_html), `${path}: summary and content`);
        assert.match(item.date_published, rfc3339, `${path}: date_published`);
        assert.equal(item.date_modified, page.updated, `${path}: date_modified is the page's "Last updated"`);
        if (item.date_modified) assert.match(item.date_modified, rfc3339);
        assert.deepEqual(item.authors.map((a) => pathOf(a.url)), [page.author], `${path}: authors`);
        assert.deepEqual(item.authors.map((a) => a.name), [text(page.author!, 'h1')], `${path}: author names`);
        assert.deepEqual(item.tags, page.topics, `${path}: tags are its topics`);
        assert.deepEqual(item._hallway.events.map((e) => pathOf(e.url)), page.events, `${path}: events`);
      }
    });

    test('/rss.xml is well-formed RSS 2.0 with the same reports, creators, categories and dates', () => {
      const xml = readFileSync(join(build.dir, 'rss.xml'), 'utf8');
      assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
      const rss = new XMLParser({ ignoreAttributes: false }).parse(xml).rss;
      assert.equal(rss['@_version'], '2.0');
      assert.equal(pathOf(rss.channel.link), build.base);
      const items = list<Record<string, unknown>>(rss.channel.item);
      assert.deepEqual(items.map((i) => pathOf(i.link as string)).sort(), reports.map((id) => `${build.base}reports/${id}/`).sort(), 'one item per report');
      for (const item of items) {
        const path = pathOf(item.link as string);
        const page = shown(path);
        assert.equal(item['dc:creator'], text(page.author!, 'h1'), `${path}: creator`);
        const categories = list(item.category as { '#text': string; '@_domain': string }[]);
        assert.deepEqual(categories.filter((c) => pathOf(c['@_domain']) === `${build.base}topics/`).map((c) => c['#text']), page.topics, `${path}: topic categories`);
        assert.equal(categories.filter((c) => pathOf(c['@_domain']) === `${build.base}events/`).length, page.events.length, `${path}: event categories`);
        assert.ok(!Number.isNaN(Date.parse(item.pubDate as string)), `${path}: pubDate`);
        assert.equal(item['atom:updated'], page.updated, `${path}: atom:updated is the page's "Last updated"`);
      }
    });
  });
}
