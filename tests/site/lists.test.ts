import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixture, reportIds } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

/** The list pages of the fixture corpus: reports by year, report cards, tool pages, home, feed. */
describe('list pages of the fixture corpus', () => {
  const site = openSite(fixture.dir, fixture.base);
  const main = (path: string) => site.page(path).querySelector('main')!;
  const text = (s: string) => s.replace(/\s+/g, ' ').trim();
  const searchParams = (path: string) =>
    main(path)
      .querySelectorAll('a[href^="/search/?"]')
      .map((a) => new URL(a.getAttribute('href')!, 'http://site').searchParams);

  test('/reports/ groups the latest reports by year, newest year first, and links every year page', () => {
    const groups = main('/reports/').querySelectorAll('.year-group');
    const years = groups.map((g) => Number(g.querySelector('h3')!.textContent.trim()));
    assert.ok(years.length >= 2, `year groups: ${years.join(', ')}`);
    assert.deepEqual(years, [...years].sort((a, b) => b - a), 'newest year first');
    for (const g of groups) {
      const year = g.querySelector('h3')!.textContent.trim();
      for (const card of g.querySelectorAll('.card')) {
        const href = card.querySelector('h4 a')!.getAttribute('href')!;
        // The report page says its year in its event line; the card sits under that year.
        assert.match(text(main(href).querySelector('header')?.textContent ?? main(href).textContent), new RegExp(year), `${href} under ${year}`);
      }
    }
    const yearLinks = main('/reports/').querySelectorAll('.year-nav a').map((a) => a.getAttribute('href'));
    assert.deepEqual(yearLinks, years.map((y) => `/years/${y}/`));
  });

  test('the year pages together list every report once', () => {
    const listed = site.pages
      .filter((p) => p.startsWith('/years/'))
      .flatMap((p) => main(p).querySelectorAll('.card h3 a').map((a) => a.getAttribute('href')!.replace(/^\/reports\/|\/$/g, '')));
    assert.deepEqual(listed.sort(), reportIds(fixture.content).sort());
  });

  test('a report card shows its event, author, reading time and topics', () => {
    const card = main('/reports/').querySelectorAll('.card').find((c) => c.querySelector('h4 a')?.getAttribute('href') === '/reports/lantern-2023-day-one/');
    assert.ok(card, 'the card is on /reports/');
    assert.ok(card.querySelector('.meta a[href="/events/lantern-summit-2023/"]'), 'links its event');
    assert.ok(card.querySelector('.meta a[href^="/people/"]'), 'links its author');
    assert.match(text(card.querySelector('.meta')!.textContent), /\b\d+ min read\b/);
    assert.deepEqual(
      card.querySelectorAll('.card-topics a').map((a) => a.getAttribute('href')).sort(),
      ['/topics/build-pipelines/', '/topics/capacity-planning/', '/topics/cold-starts/', '/topics/release-trains/'],
    );
  });

  test('search links narrow by real years, events and topics', () => {
    const params = [...searchParams('/reports/'), ...searchParams('/years/2023/')];
    const facets = new Set(params.flatMap((p) => [...p.keys()]));
    for (const facet of ['year', 'event', 'topic']) assert.ok(facets.has(facet), `a link narrows by ${facet}`);
    for (const p of params) {
      for (const year of p.getAll('year')) assert.ok(site.fileFor(`/years/${year}/`), `year ${year} has reports`);
      for (const event of p.getAll('event')) assert.ok(site.fileFor(`/events/${event}/`), `event ${event} exists`);
      for (const topic of p.getAll('topic')) assert.ok(site.fileFor(`/topics/${topic}/`), `topic ${topic} exists`);
    }
  });

  test('a tool page marks the mention and links the sentence itself, with its section as the fallback', () => {
    const page = main('/tools/quillpipe/');
    const cards = page.querySelectorAll('.mentions .card');
    assert.ok(cards.length > 0);
    for (const card of cards) {
      const mark = card.querySelector('blockquote mark');
      assert.equal(mark?.textContent.toLowerCase(), 'quillpipe', 'the mention is marked');
      const link = new URL(card.querySelector('a.to-sentence')!.getAttribute('href')!, 'http://site');
      const [section, directive] = link.hash.slice(1).split(':~:');
      assert.ok(section, `${link} names a section`);
      const target = main(link.pathname);
      assert.ok(target.querySelector(`[id="${section}"]`), `${link.pathname} has #${section}`);
      assert.match(directive!, /^text=/);
      const [start, end] = directive!.slice('text='.length).split(',').map((t) => decodeURIComponent(t));
      const article = text(target.querySelector('.article')!.textContent);
      const at = article.indexOf(start!);
      assert.ok(at >= 0, `“${start}” is on ${link.pathname}`);
      if (end) assert.ok(article.indexOf(end, at) > at, `“${end}” follows it`);
      assert.ok(text(card.querySelector('blockquote')!.textContent).startsWith(start!), 'the link quotes the sentence shown');
    }
  });

  test('a tool page has a timeline table of years linking to per-year pages that list every mention', () => {
    const rows = main('/tools/quillpipe/').querySelectorAll('table.tool-timeline tbody tr');
    assert.ok(rows.length > 0);
    let total = 0;
    for (const row of rows) {
      const href = row.querySelector('th a')!.getAttribute('href')!;
      const count = Number(row.querySelector('td')!.textContent.trim());
      total += count;
      assert.equal(main(href).querySelectorAll('.mentions .card').length, count, `${href} lists ${count}`);
    }
    assert.equal(total, main('/tools/quillpipe/').querySelectorAll('.mentions .card').length);
  });

  test('the home page has one search box, the header’s', () => {
    const inputs = site.page('/').querySelectorAll('input[type="search"]');
    assert.equal(inputs.length, 1);
    assert.ok(inputs[0]!.closest('header'));
  });

  test('the feed carries at most 50 reports', () => {
    const rss = readFileSync(join(fixture.dir, 'rss.xml'), 'utf8');
    const items = rss.match(/<item>/g)?.length ?? 0;
    assert.ok(items > 0 && items <= 50, `${items} items`);
  });
});
