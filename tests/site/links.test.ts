import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';
import { sitePaths } from '../../src/lib/site-paths.ts';
import { allBuilds, fixture, fixtureKb } from '../helpers/builds.ts';
import { openSite, type Site } from '../helpers/site.ts';

/** Every internal href/src on every page points at a file that exists, and every #fragment at an id. */
function brokenLinks(site: Site): string[] {
  const broken: string[] = [];
  for (const path of site.pages) {
    const doc = site.page(path);
    for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
      if (/^(https?:|mailto:)/.test(raw)) continue;
      const url = new URL(raw, `http://site${path}`);
      const target = url.pathname;
      if (!site.fileFor(target)) {
        broken.push(`${path} → ${raw} (no file)`);
        continue;
      }
      // A text fragment (`#section:~:text=…`) is a directive, not part of the id: browsers strip it.
      const id = decodeURIComponent(url.hash.slice(1).split(':~:')[0]!);
      if (id && target.endsWith('/') && !site.page(target).getElementById(id)) broken.push(`${path} → ${raw} (no id "${id}")`);
    }
  }
  return broken;
}

for (const build of allBuilds) {
  test(`${build.name}: every internal link resolves, fragments included`, () => {
    const site = openSite(build.dir, build.base);
    assert.ok(site.pages.length > 0, `${build.dir}/ has no pages`);
    assert.deepEqual(brokenLinks(site), []);
  });
}

test(`${fixtureKb.name}: every internal link stays inside /kb/`, () => {
  const site = openSite(fixtureKb.dir, fixtureKb.base);
  for (const path of site.pages) {
    const outside = site
      .page(path)
      .querySelectorAll('a[href^="/"], link[href^="/"], script[src^="/"]')
      .map((a) => a.getAttribute('href') ?? a.getAttribute('src'))
      .filter((h) => !h!.startsWith('/kb/'));
    assert.deepEqual(outside, [], `${path} links outside /kb/`);
  }
});

/** Every id given twice on a page, and every reference (aria-labelledby, aria-describedby, aria-controls, label for, href="#…") to an id the page lacks. */
function idProblems(site: Site): string[] {
  const problems: string[] = [];
  for (const path of site.pages) {
    const doc = site.page(path);
    const count = new Map<string, number>();
    for (const el of doc.querySelectorAll('[id]')) count.set(el.id, (count.get(el.id) ?? 0) + 1);
    for (const [id, n] of count) if (n > 1) problems.push(`${path}: id "${id}" ${n} times`);
    for (const el of doc.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls], label[for]')) {
      for (const attribute of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
        for (const id of (el.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          if (!count.has(id) && id !== 'site-search-panel') problems.push(`${path}: ${attribute}="${id}" names no element`);
        }
      }
      // A region or list is labelled by its own heading, inside it or just before it; not by a body heading of the same name.
      const label = el.getAttribute('aria-labelledby');
      if (label && !el.querySelector(`[id="${label}"]`) && el.previousElementSibling?.id !== label) problems.push(`${path}: aria-labelledby="${label}" names a heading away from it`);
    }
  }
  return problems;
}

for (const build of allBuilds) {
  test(`${build.name}: no page gives an id twice, and every reference to an id names the element meant`, () => {
    assert.deepEqual(idProblems(openSite(build.dir, build.base)), []);
  });
}

test(`${fixture.name}: a body heading named like a part of the frame ("Related") keeps its own id, apart from the frame's`, () => {
  const page = openSite(fixture.dir, fixture.base).page('/reports/lantern-2025-recap/');
  assert.equal(page.querySelector('.article h3#related-1')?.textContent.replace(/\s*#.*$/s, ''), 'Related');
  assert.equal(page.querySelector('#related')?.textContent, 'Related reading');
  assert.equal(page.querySelector('section[aria-labelledby="related"] > h2')?.id, 'related');
});

test(`${fixtureKb.name}: an in-site link written in a report body is served under /kb/`, () => {
  const article = openSite(fixtureKb.dir, fixtureKb.base).page('/kb/reports/lantern-2025-recap/').querySelector('.article')!;
  const link = article.querySelectorAll('a').find((a) => a.textContent === 'the 2019 field notes');
  assert.equal(link?.getAttribute('href'), '/kb/reports/lantern-2019-field-notes/#capacity-on-a-budget');
  assert.equal(article.querySelectorAll('a').find((a) => a.textContent === 'numbers above')?.getAttribute('href'), '#autoscaling-grows-up');
});

/** Pages a list is split into (`…/2/`), which the link check leaves out on purpose, and the 404 page. */
const unlisted = (path: string) => /\/\d+\/$/.test(path) && !/^\/(?:years|topics\/[^/]+|tools\/[^/]+)\/\d{4}\/$/.test(path) || path === '/404.html';

for (const build of allBuilds) {
  test(`${build.name}: the link check's list of pages and report ids (src/lib/site-paths.ts) is the site's`, () => {
    const site = openSite(build.dir, build.base);
    const { reports, ...registries } = checkContent({ dir: build.content });
    const published = reports.flatMap((r) => (r.data && r.record && !r.data.draft ? [{ id: r.id, data: r.data, record: r.record }] : []));
    const listed = [...sitePaths({ ...registries, reports: published }).keys()].sort();
    const built = [...site.pages, ...(site.fileFor(`${build.base}rss.xml`) ? [`${build.base}rss.xml`] : [])]
      .map((p) => `/${p.slice(build.base.length)}`)
      .filter((p) => !unlisted(p))
      .sort();
    assert.deepEqual(listed, built);
    // And every id it lets a link name is on the page.
    for (const [path, { fragments }] of sitePaths({ ...registries, reports: published })) {
      for (const id of fragments ?? []) assert.ok(site.page(`${build.base}${path.slice(1)}`).getElementById(id), `${path}#${id}`);
    }
  });
}
