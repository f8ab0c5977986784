/**
 * Talk and person pages stay within the page budget (≤ 300 KB raw, ≤ 50 KB gzip) however many
 * reports cover one talk: a made-up corpus where 90 reports each write a long section about the
 * same keynote is built here, and the talk's passages must be split over pages that link to each
 * other, every passage on exactly one page. The keynote's speaker also gave 60 more talks: the
 * person page lists as many as a list page holds and links to all of them, paged.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { corpus, files } from '../helpers/corpus.ts';
import { openSite, type Site } from '../helpers/site.ts';

const REPORTS = 90;
/** A made-up paragraph that differs from report to report (so gzip cannot fold the pages away). */
const paragraph = (n: number, k: number) =>
  `Report ${n}, note ${k}: the keynote's demo ran ${(n * 7 + k * 13) % 97} builds through Quiver while ${(n * 11 + k) % 53} mirrors ` +
  `answered from ${['Atlantis', 'Lemuria', 'Mu', 'Hyperborea'][(n + k) % 4]}; queue ${(n * 31 + k * 17) % 1009} drained in ${(n + k * 3) % 60} seconds ` +
  `and cache ${((n * 3 + k) * 2654435761 % 4294967296).toString(36)} held.`;

function reportText(n: number): string {
  const body = Array.from({ length: 12 }, (_, k) => paragraph(n, k)).join('\n\n');
  return `---
title: Keynote notes ${n}
event: devconf-2031
year: 2031
city: Atlantis
author: ada-example
summary: Made-up notes on the keynote, number ${n}.
tools: [quiver]
topics:
  - topic: packaging
    sections: [the-keynote]
talks:
  - talk: quiver-keynote
    sections: [the-keynote]
---

## The keynote

${body}
`;
}

/** Talks the keynote's speaker gave besides it: more than a person page lists (PAGE_SIZE.list). */
const MORE_TALKS = 60;
const moreTalks = Array.from({ length: MORE_TALKS }, (_, i) => `\nbo-talk-${i + 1}:\n  title: Quiver notes, part ${i + 1}\n  event: devconf-2031\n  speakers: [bo-speaker]\n  kind: lightning talk\n`).join('');
const dir = corpus({
  'talks.yaml': files['talks.yaml'] + moreTalks,
  ...Object.fromEntries(Array.from({ length: REPORTS }, (_, i) => [`reports/keynote-${String(i + 1).padStart(3, '0')}.mdx`, reportText(i + 1)])),
});
const out = join(dir, 'site');

after(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const name of readdirSync('node_modules/.astro', { withFileTypes: true })) {
    if (name.name.includes(basename(dir))) rmSync(join('node_modules/.astro', name.name), { recursive: true, force: true });
  }
});

describe(`${REPORTS} reports on one talk`, { timeout: 600_000 }, () => {
  let site: Site;
  before(() => {
    assert.ok(files['talks.yaml']!.includes('quiver-keynote:'), 'the test corpus has the keynote');
    const result = spawnSync(process.execPath, ['scripts/build.ts', '--silent'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: dir, OUT_DIR: out, SITE_BASE: '/' } });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    site = openSite(out, '/');
  });

  test('every talk and person page stays within 300 KB raw and 50 KB gzip', () => {
    const pages = site.pages.filter((p) => /^\/(talks|people)\/[^/]+\//.test(p));
    assert.ok(pages.includes('/talks/quiver-keynote/') && pages.includes('/people/bo-speaker/'));
    for (const path of pages) {
      const html = readFileSync(site.fileFor(path)!);
      assert.ok(html.length <= 300 * 1024, `${path} is ${html.length} bytes raw`);
      assert.ok(gzipSync(html).length <= 50 * 1024, `${path} is ${gzipSync(html).length} bytes gzip`);
    }
  });

  test('the talk’s passages are split over linked pages, each passage on exactly one, linking to itself', () => {
    const first = site.page('/talks/quiver-keynote/');
    assert.match(first.querySelector('#coverage')!.textContent, new RegExp(`^${REPORTS} reports cover this talk$`));
    const numbers = first.querySelectorAll('.list-pager li').map((li) => li.textContent.replace(/\D/g, ''));
    assert.ok(numbers.length >= 2, `the talk is paged: ${numbers.join(', ')}`);
    const paths = numbers.map((n) => (n === '1' ? '/talks/quiver-keynote/' : `/talks/quiver-keynote/${n}/`));
    const seen: string[] = [];
    for (const path of paths) {
      const page = site.page(path);
      for (const link of page.querySelectorAll('.list-pager a')) assert.ok(site.fileFor(link.getAttribute('href')!), `${path}: ${link.getAttribute('href')} resolves`);
      for (const passage of page.querySelectorAll('article.passage')) {
        seen.push(passage.id);
        assert.equal(passage.querySelector('a.permalink')!.getAttribute('href'), `${path}#${passage.id}`, 'the passage links to the page it is on');
      }
    }
    assert.equal(seen.length, REPORTS, 'every passage is shown');
    assert.equal(new Set(seen).size, REPORTS, 'no passage twice');
    assert.ok(site.page(paths[1]!).querySelector('h1')!.textContent.includes('page 2 of'), 'a later page says which it is');
  });

  test('a speaker with more talks than a list page holds: the person page lists the newest and links to all of them, paged', () => {
    const person = site.page('/people/bo-speaker/');
    const shown = person.querySelectorAll('[aria-labelledby="talks"] .card h3 a').map((a) => a.getAttribute('href'));
    assert.equal(shown.length, 50);
    const all = person.querySelector('[aria-labelledby="talks"] a[href="/people/bo-speaker/talks/"]')!;
    assert.equal(all.textContent, `All ${MORE_TALKS + 1} talks by Bo Speaker`);
    const listed = ['/people/bo-speaker/talks/', '/people/bo-speaker/talks/2/'].flatMap((path) => site.page(path).querySelectorAll('.card h2 a').map((a) => a.getAttribute('href')));
    assert.equal(new Set(listed).size, MORE_TALKS + 1, 'every talk once');
    assert.ok(site.page('/people/bo-speaker/talks/2/').querySelector('.list-pager a[href="/people/bo-speaker/talks/"]'), 'page 2 links back to page 1');
  });
});
