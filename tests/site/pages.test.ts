import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import yaml from 'js-yaml';
import { openSite } from '../helpers/site.ts';

const site = openSite('dist', '/');
const ids = (file: string) => Object.keys(yaml.load(readFileSync(`content/${file}.yaml`, 'utf8')) as object);
const reports = readdirSync('content/reports').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));

describe('every entry has its page', () => {
  for (const [kind, list] of [
    ['reports', reports],
    ['events', ids('events')],
    ['topics', ids('topics')],
    ['tools', ids('tools')],
  ] as const) {
    test(`${list.length} ${kind}, each with a page and a link from /${kind}/`, () => {
      assert.ok(list.length > 0);
      const index = site.page(`/${kind}/`);
      const linked = new Set(index.querySelectorAll('main a').map((a) => a.getAttribute('href')));
      for (const id of list) {
        const page = site.page(`/${kind}/${id}/`);
        assert.ok(page.querySelector('h1')?.textContent.trim(), `/${kind}/${id}/ has a heading`);
        assert.ok(linked.has(`/${kind}/${id}/`), `/${kind}/ links to ${id}`);
      }
    });
  }
});

test('the KubeCon EU 2022 page lists both Valencia reports, with authors and summaries', () => {
  const page = site.page('/events/kubecon-eu-2022/');
  const cards = page.querySelectorAll('#reports ~ ul .card, .card');
  const titles = cards.map((c) => c.querySelector('a')?.getAttribute('href'));
  assert.ok(titles.includes('/reports/kubecon-eu-2022-peaks/'));
  assert.ok(titles.includes('/reports/kubecon-eu-2022-and-dok-day-anynines/'));
  const text = page.querySelector('main')!.textContent;
  assert.match(text, /Damien/);
  assert.match(text, /Paul Eichler/);
  assert.match(text, /Valencia/);
  assert.match(text, /Data on Kubernetes Day Europe 2022/, 'co-located event is shown');
});

test('the DoK Day page lists the report that also covers it', () => {
  const hrefs = site.page('/events/dok-day-eu-2022/').querySelectorAll('.card a').map((a) => a.getAttribute('href'));
  assert.ok(hrefs.includes('/reports/kubecon-eu-2022-and-dok-day-anynines/'));
});

test('the operators topic page shows passages from 2018, 2022 and 2024 whose deep links land on real headings', () => {
  const page = site.page('/topics/operators/');
  const passages = page.querySelectorAll('article.passage');
  assert.ok(passages.length >= 4, `expected passages from several reports, found ${passages.length}`);
  const eventHeadings = page.querySelectorAll('main h2').map((h) => h.textContent);
  for (const year of ['2018', '2022', '2024']) {
    assert.ok(eventHeadings.some((h) => h.includes(year)), `an event heading from ${year} in ${eventHeadings.join(' | ')}`);
  }
  const deepLinks = page.querySelectorAll('article.passage a').map((a) => a.getAttribute('href')!).filter((h) => h.includes('#'));
  assert.ok(deepLinks.length >= 4);
  for (const link of deepLinks) {
    const [path, id] = link.split('#') as [string, string];
    assert.ok(site.page(path).getElementById(id), `${link} resolves to an element with id "${id}"`);
  }
  assert.ok(passages.every((p) => p.querySelector('h4') && p.textContent.length > 200), 'each passage has a heading and real text');
});

test('report pages credit the author and link the original post', () => {
  const page = site.page('/reports/kubecon-eu-2018-takeaways/');
  const original = page.querySelectorAll('a').find((a) => a.getAttribute('href') === 'https://vsupalov.com/kubecon-europe-2018-takeaways/');
  assert.ok(original, 'links the original post');
  assert.match(page.querySelector('main')!.textContent, /Vladislav Supalov/);
  assert.ok(page.querySelector('a[href="/events/kubecon-eu-2018/"]'), 'links its event');
  assert.ok(page.querySelector('a.tool-link[href="/tools/aws-fargate/"]'), 'links the first tool mention');
});

test('unconfirmed facts are marked as such', () => {
  const report = site.page('/reports/containerdays-2024-hamburg/').querySelector('main header')!.textContent;
  assert.match(report, /Original post on tasdikrahman\.com\s*\(unconfirmed\)/);
  const event = site.page('/events/kubecon-eu-2018/').querySelector('dl.facts')!.textContent;
  assert.match(event, /Bella Center\s*\(unconfirmed\)/);
});

test('every heading in a report has an id and a visible link to itself', () => {
  for (const id of reports) {
    for (const h of site.page(`/reports/${id}/`).querySelectorAll('.article h2, .article h3')) {
      const anchor = h.querySelector('a.anchor');
      assert.ok(h.id, `heading "${h.textContent}" in ${id} has an id`);
      assert.equal(anchor?.getAttribute('href'), `#${h.id}`);
    }
  }
});

test('every page has a title, description, canonical URL and link-preview tags', () => {
  assert.ok(site.pages.length > 50, `found ${site.pages.length} pages`);
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
  const sitemap = readFileSync('dist/sitemap-0.xml', 'utf8');
  const rss = readFileSync('dist/rss.xml', 'utf8');
  for (const id of reports) {
    assert.match(sitemap, new RegExp(`/reports/${id}/</loc>`));
    assert.match(rss, new RegExp(`/reports/${id}/</link>`));
  }
  assert.doesNotMatch(sitemap, /404/);
});

test('a tool page quotes the sentence of each mention and links the section it is in', () => {
  const page = site.page('/tools/kcp/');
  const card = page.querySelectorAll('.card').find((c) => c.querySelector('a')?.getAttribute('href') === '/reports/containerdays-2024-hamburg/');
  assert.ok(card, 'the 2024 report is listed');
  assert.equal(card.querySelector('blockquote')!.textContent.trim(), 'There was a great talk by Marvin around KCP.');
  assert.ok(card.querySelector('a[href="/reports/containerdays-2024-hamburg/#kcp"]'), 'links the KCP section itself');
  const crossplane = site.page('/tools/crossplane/').querySelectorAll('.card blockquote').map((b) => b.textContent.trim());
  assert.ok(crossplane.includes('Some management tools come as SaaS, like in the case of Rancher or Spectro Cloud, while others are self-hosted like Crossplane from Upbound.'));
});
