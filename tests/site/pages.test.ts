/**
 * The built pages. Generic checks run on every build (the real content and the fixture corpus at /
 * and under /kb/) and loop over whatever the content folder holds. Behaviour checks run on the
 * fixture corpus (tests/fixtures/corpus/), whose ids and words are made up for them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { allBuilds, fixture, registryIds, reportIds } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';
import { pageKinds } from '../../src/site/kinds.ts';

for (const build of allBuilds) {
  const site = openSite(build.dir, build.base);
  const at = (path: string) => `${build.base}${path}`;
  const reports = reportIds(build.content);

  describe(`${build.name}: every entry has its page`, () => {
    for (const { kind, route } of pageKinds) {
      const list = kind === 'reports' ? reports : registryIds(build.content, kind);
      test(`every one of ${build.content}/'s ${kind} has a page and a link from ${at(`${route}/`)}`, () => {
        assert.ok(list.length > 0, `${build.content} has no ${kind}`);
        const index = site.page(at(`${route}/`));
        const linked = new Set(index.querySelectorAll('main a').map((a) => a.getAttribute('href')));
        for (const id of list) {
          const page = site.page(at(`${route}/${id}/`));
          assert.ok(page.querySelector('h1')?.textContent.trim(), `${at(`${route}/${id}/`)} has a heading`);
          assert.ok(linked.has(at(`${route}/${id}/`)), `${at(`${route}/`)} links to ${id}`);
        }
      });
    }
  });

  describe(`${build.name}: every page`, () => {
    test('every heading in a report has an id and a visible link to itself', () => {
      for (const id of reports) {
        for (const h of site.page(at(`reports/${id}/`)).querySelectorAll('.article h2, .article h3')) {
          const anchor = h.querySelector('a.anchor');
          assert.ok(h.id, `heading "${h.textContent}" in ${id} has an id`);
          assert.equal(anchor?.getAttribute('href'), `#${h.id}`, `heading "${h.textContent}" in ${id} links to itself`);
        }
      }
    });

    test('every page has a title, description, canonical URL and link-preview tags', () => {
      const entries = ['events', 'topics', 'tools'].reduce((n, r) => n + registryIds(build.content, r as 'events').length, reports.length);
      assert.ok(site.pages.length > entries, `found ${site.pages.length} pages for ${entries} entries`);
      for (const path of site.pages) {
        const head = site.page(path).querySelector('head')!;
        const meta = (selector: string) => head.querySelector(selector)?.getAttribute('content')?.trim();
        assert.ok(head.querySelector('title')?.textContent.trim(), `${path}: <title>`);
        assert.ok(meta('meta[name="description"]'), `${path}: description`);
        if (!path.endsWith('404.html')) {
          assert.ok(head.querySelector('link[rel="canonical"]')?.getAttribute('href')?.endsWith(path), `${path}: canonical`);
        }
        for (const tag of ['og:title', 'og:description', 'og:url', 'og:type']) assert.ok(meta(`meta[property="${tag}"]`), `${path}: ${tag}`);
        for (const tag of ['twitter:card', 'twitter:title', 'twitter:description']) assert.ok(meta(`meta[name="${tag}"]`), `${path}: ${tag}`);
      }
    });

    test('the sitemap lists every report and the RSS feed has every report', () => {
      const sitemap = readFileSync(join(build.dir, 'sitemap-0.xml'), 'utf8');
      const rss = readFileSync(join(build.dir, 'rss.xml'), 'utf8');
      for (const id of reports) {
        assert.match(sitemap, new RegExp(`${at(`reports/${id}/`)}</loc>`), `sitemap lists ${id}`);
        assert.match(rss, new RegExp(`${at(`reports/${id}/`)}</link>`), `feed has ${id}`);
      }
      assert.doesNotMatch(sitemap, /404/);
    });
  });
}

describe('pages of the fixture corpus', () => {
  const site = openSite(fixture.dir, fixture.base);
  const main = (path: string) => site.page(path).querySelector('main')!;
  const cardLinks = (path: string) => site.page(path).querySelectorAll('.card a').map((a) => a.getAttribute('href'));

  test('an event page lists both of its reports, with authors, and its co-located event', () => {
    const hrefs = cardLinks('/events/lantern-summit-2023/');
    assert.ok(hrefs.includes('/reports/lantern-2023-day-one/'), `cards link ${hrefs.join(', ')}`);
    assert.ok(hrefs.includes('/reports/lantern-2023-and-tidepool/'), `cards link ${hrefs.join(', ')}`);
    assert.ok(!hrefs.includes('/reports/lantern-2019-field-notes/'), 'a report of another event is listed');
    const text = main('/events/lantern-summit-2023/').textContent;
    assert.match(text, /Ravi Calloway/);
    assert.match(text, /Mireille Osei/);
    assert.match(text, /Brackenford/);
    assert.ok(site.page('/events/lantern-summit-2023/').querySelector('dl.facts a[href="/events/tidepool-day-2023/"]'), 'links the co-located event');
    assert.match(site.page('/events/lantern-summit-2023/').querySelector('dl.facts')!.textContent, /Co-located\s*Tidepool Day 2023/);
  });

  test('the co-located event lists the report that also covers it, and only that one', () => {
    assert.deepEqual(
      [...new Set(cardLinks('/events/tidepool-day-2023/').filter((h) => h?.startsWith('/reports/')))],
      ['/reports/lantern-2023-and-tidepool/'],
    );
    const header = site.page('/reports/lantern-2023-and-tidepool/').querySelector('main header')!;
    assert.ok(header.querySelector('a[href="/events/lantern-summit-2023/"]') && header.querySelector('a[href="/events/tidepool-day-2023/"]'), 'the report names both events');
  });

  test('the capacity-planning topic page shows passages from 2019, 2023 and 2025 whose deep links land on real headings', () => {
    const page = site.page('/topics/capacity-planning/');
    const passages = page.querySelectorAll('article.passage');
    assert.ok(passages.length >= 3, `expected passages from several reports, found ${passages.length}`);
    const eventHeadings = page.querySelectorAll('main :is(h2, h3)').map((h) => h.textContent);
    for (const year of ['2019', '2023', '2025']) {
      assert.ok(eventHeadings.some((h) => h.includes(`Lantern ${year}`)), `an event heading from ${year} in ${eventHeadings.join(' | ')}`);
    }
    const deepLinks = page.querySelectorAll('article.passage a').map((a) => a.getAttribute('href')!).filter((h) => h.includes('#'));
    for (const expected of [
      '/reports/lantern-2019-field-notes/#capacity-on-a-budget',
      '/reports/lantern-2023-day-one/#warm-pools-revisited',
      '/reports/lantern-2023-and-tidepool/#sizing-the-database-tier',
      '/reports/lantern-2025-recap/#autoscaling-grows-up',
    ]) {
      assert.ok(deepLinks.includes(expected), `no deep link ${expected} in ${deepLinks.join(', ')}`);
    }
    for (const link of deepLinks) {
      const [path, id] = link.split('#') as [string, string];
      assert.ok(site.page(path).getElementById(id), `${link} resolves to an element with id "${id}"`);
    }
    assert.ok(passages.every((p) => p.querySelector('h4') && p.textContent.length > 200), 'each passage has a heading and real text');
    assert.match(page.querySelector('article.passage')!.textContent, /warm pool/, 'passages quote the report text');
    const related = page.querySelectorAll('#related-topics ~ * a, [aria-labelledby="related-topics"] a').map((a) => a.getAttribute('href'));
    assert.ok(related.includes('/topics/cold-starts/') && related.includes('/topics/stateful-workloads/'), `related topics: ${related.join(', ')}`);
  });

  test('report pages credit the author and link the original post, the event and the first tool mention', () => {
    const page = site.page('/reports/lantern-2019-field-notes/');
    assert.ok(page.querySelectorAll('a').some((a) => a.getAttribute('href') === 'https://odile.example.net/lantern-2019/'), 'links the original post');
    assert.match(main('/reports/lantern-2019-field-notes/').textContent, /Odile Brandt/);
    assert.ok(page.querySelector('a[href="/events/lantern-summit-2019/"]'), 'links its event');
    const quill = page.querySelectorAll('.article a.tool-link[href="/tools/quillpipe/"]');
    assert.equal(quill.length, 1, 'links the first Quillpipe mention of its section, once');
    assert.equal(quill[0]!.textContent, 'Quillpipe');
  });

  test('unconfirmed facts are marked as such', () => {
    const report = site.page('/reports/lantern-2019-field-notes/').querySelector('main header')!.textContent;
    assert.match(report, /Original post on odile\.example\.net\s*\(unconfirmed\)/);
    const confirmed = site.page('/reports/lantern-2023-day-one/').querySelector('main header')!.textContent;
    assert.doesNotMatch(confirmed, /unconfirmed/, 'a report with nothing unconfirmed says nothing');
    const event = site.page('/events/lantern-summit-2019/').querySelector('dl.facts')!.textContent;
    assert.match(event, /Old Ropeworks Hall\s*\(unconfirmed\)/);
    assert.match(site.page('/tools/tallowdb/').querySelector('dl.facts')!.textContent, /Formerly called Tallow\.\s*\(unconfirmed\)/);
  });

  test('two reports of one event link each other as previous and next', () => {
    const pager = (id: string) => site.page(`/reports/${id}/`).querySelector('nav.pager');
    const a = pager('lantern-2023-day-one');
    const b = pager('lantern-2023-and-tidepool');
    assert.ok(a && b, 'both reports have a pager');
    const links = (nav: NonNullable<typeof a>) => nav.querySelectorAll('a').map((l) => `${l.getAttribute('rel')} ${l.getAttribute('href')}`);
    const [ab, ba] = [links(a), links(b)];
    assert.equal(ab.length + ba.length, 2, `pager links: ${ab.join(', ')} / ${ba.join(', ')}`);
    const forward = ab.includes('next /reports/lantern-2023-and-tidepool/') && ba.includes('prev /reports/lantern-2023-day-one/');
    const backward = ab.includes('prev /reports/lantern-2023-and-tidepool/') && ba.includes('next /reports/lantern-2023-day-one/');
    assert.ok(forward || backward, `pager links: ${ab.join(', ')} / ${ba.join(', ')}`);
    assert.equal(pager('lantern-2019-field-notes'), null, 'the only report of an event has no pager');
  });

  test('a tool page quotes the sentence of each mention and links the section it is in', () => {
    const page = site.page('/tools/quillpipe/');
    const cards = page.querySelectorAll('.card');
    const reportsListed = cards.map((c) => c.querySelector('a')?.getAttribute('href')).sort();
    assert.deepEqual(reportsListed, ['/reports/lantern-2019-field-notes/', '/reports/lantern-2023-day-one/', '/reports/lantern-2025-recap/']);
    const card = cards.find((c) => c.querySelector('a')?.getAttribute('href') === '/reports/lantern-2023-day-one/')!;
    assert.equal(
      card.querySelector('blockquote')!.textContent.trim(),
      'Instead of one shared queue, each repository runs Quillpipe on its own agents and the agents ask for work when they are idle.',
    );
    assert.ok(card.querySelector('a[href="/reports/lantern-2023-day-one/#pipelines-without-a-queue"]'), 'links the section itself');
  });

  test('case-sensitive and code-only spellings: “ferrule” and “nib” in prose are not mentions', () => {
    const mentioned = (tool: string) => site.page(`/tools/${tool}/`).querySelectorAll('.card').map((c) => c.querySelector('a')?.getAttribute('href'));
    assert.deepEqual(mentioned('ferrule'), ['/reports/lantern-2023-day-one/']);
    assert.deepEqual(mentioned('nib'), ['/reports/lantern-2023-and-tidepool/']);
    const notes = site.page('/reports/lantern-2019-field-notes/');
    assert.match(notes.querySelector('.article')!.textContent, /brass ferrule and the steel nib/);
    assert.equal(notes.querySelectorAll('a[href="/tools/ferrule/"], a[href="/tools/nib/"]').length, 0, 'the 2019 report links Ferrule or nib');
    const tidepool = site.page('/reports/lantern-2023-and-tidepool/');
    assert.ok(tidepool.querySelector('.article p code a.tool-link[href="/tools/nib/"]'), 'the first `nib` in code links the tool');
  });

  test('the tools index groups tools under their categories', () => {
    const text = main('/tools/').textContent;
    for (const category of ['Build and delivery', 'Running in production']) assert.match(text, new RegExp(category));
    const order = ['Build and delivery', 'Quillpipe', 'Running in production', 'Mossgate'].map((t) => text.indexOf(t));
    assert.ok(order.every((i) => i >= 0), 'every label is on the page');
    assert.ok(order[0]! < order[1]! && order[2]! < order[3]!, 'each tool follows its category');
  });
});
