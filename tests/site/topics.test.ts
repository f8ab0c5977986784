/**
 * Topic pages as briefs, split by year (src/lib/topic-pages.ts), and the topic × event matrix.
 * Generic checks run on every build and loop over whatever the content holds; behaviour checks
 * use the fixture corpus (tests/fixtures/corpus/README.md).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { HTMLElement } from 'node-html-parser';
import { allBuilds, fixture, FIXTURE_CONTENT, registryIds, reportIds } from '../helpers/builds.ts';
import { checkContent } from '../../src/check/index.ts';
import { openSite } from '../helpers/site.ts';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

for (const build of allBuilds) {
  const site = openSite(build.dir, build.base);
  const at = (path: string) => `${build.base}${path}`;
  const topics = registryIds(build.content, 'topics');
  /** The year pages of a topic, as listed in its rail, and the pages they continue on. */
  const yearPages = (topic: string) => site.pages.filter((p) => p.startsWith(at(`topics/${topic}/`)) && /\/\d{4}\/(\d+\/)?$/.test(p));

  describe(`${build.name}: topic pages`, () => {
    test('every passage on every topic page links to its permanent place, an anchor that exists on a year page of the topic', () => {
      for (const topic of topics) {
        for (const path of [at(`topics/${topic}/`), ...yearPages(topic)]) {
          for (const passage of site.page(path).querySelectorAll('article.passage')) {
            assert.ok(passage.id, `${path}: a passage without an id`);
            const link = passage.querySelector('a.permalink')?.getAttribute('href');
            assert.ok(link, `${path}#${passage.id}: no “Link to this passage”`);
            assert.equal(fold(passage.querySelector('a.permalink')!.textContent), 'Link to this passage');
            const [target, fragment] = link.split('#') as [string, string];
            assert.equal(fragment, passage.id, `${path}: the link of #${passage.id} names another passage`);
            assert.match(target, new RegExp(`^${at(`topics/${topic}/`)}\\d{4}/(\\d+/)?$`), `${link} is not a year page`);
            assert.ok(site.page(target).getElementById(fragment)?.classList.contains('passage'), `${path}: ${link} does not resolve to the passage`);
            const deep = passage.querySelector('.passage-title a')!.getAttribute('href')!;
            const [report, section] = deep.split('#') as [string, string];
            assert.ok(site.page(report).getElementById(section), `${path}: ${deep} does not land on a heading of the report`);
          }
        }
      }
    });

    test('each passage is on exactly one year page, and the rail and the summary line count them all', () => {
      for (const topic of topics) {
        const front = site.page(at(`topics/${topic}/`));
        const ids = yearPages(topic).flatMap((p) => site.page(p).querySelectorAll('article.passage').map((a) => a.id));
        assert.equal(new Set(ids).size, ids.length, `${topic}: a passage appears on two year pages`);
        const said = /^(\d+) passages?/.exec(fold(front.querySelector('main header p.meta:last-child')!.textContent));
        assert.equal(Number(said?.[1]), ids.length, `${topic}: the summary line's count`);
        const railYears = front.querySelectorAll('.topic-rail .rail-year .rail-count').map((c) => Number.parseInt(c.textContent, 10));
        assert.equal(railYears.reduce((a, b) => a + b, 0), ids.length, `${topic}: the rail's year counts`);
        for (const link of front.querySelectorAll('.topic-rail a')) {
          const [target, fragment] = link.getAttribute('href')!.split('#') as [string, string | undefined];
          assert.ok(site.fileFor(target), `${topic}: the rail links to a missing page ${target}`);
          if (fragment) assert.ok(site.page(target).getElementById(fragment), `${topic}: the rail's ${link.getAttribute('href')} has no target`);
        }
        for (const passage of front.querySelectorAll('article.passage')) assert.ok(ids.includes(passage.id), `${topic}: #${passage.id} on the topic page is on no year page`);
      }
    });

    test('passages are left out of search (their report is indexed); the topic page indexes its header only', () => {
      for (const topic of topics) {
        const front = site.page(at(`topics/${topic}/`));
        const bodies = front.querySelectorAll('[data-pagefind-body]');
        assert.equal(bodies.length, 1, `${topic}: one indexed region`);
        assert.equal(bodies[0]!.querySelectorAll('.passage').length, 0);
        for (const path of [at(`topics/${topic}/`), ...yearPages(topic)]) {
          const page = site.page(path);
          for (const passage of page.querySelectorAll('.passage')) assert.ok(passage.closest('[data-pagefind-ignore]'), `${path}: a passage is indexed`);
          if (path !== at(`topics/${topic}/`)) assert.equal(page.querySelectorAll('[data-pagefind-body]').length, 0, `${path}: a year page is indexed`);
        }
      }
    });

    test('quoted sub-headings sit one level below the passage heading, in order', () => {
      for (const topic of topics) {
        for (const path of [at(`topics/${topic}/`), ...yearPages(topic)]) {
          for (const passage of site.page(path).querySelectorAll('article.passage')) {
            const level = Number(passage.querySelector('.passage-title')!.tagName[1]);
            const inner = passage.querySelectorAll('.passage-body :is(h1, h2, h3, h4, h5, h6)').map((h) => Number(h.tagName[1]));
            if (inner.length) assert.equal(Math.min(...inner), level + 1, `${path}#${passage.id}: sub-headings start at h${Math.min(...inner)} under an h${level}`);
            inner.forEach((l, i) => assert.ok(i === 0 || l <= inner[i - 1]! + 1, `${path}#${passage.id}: a sub-heading skips a level`));
          }
        }
      }
    });

    test('every topic page stays within 50 KB gzip and 300 KB raw', () => {
      for (const path of site.pages.filter((p) => p.startsWith(at('topics/')))) {
        const html = readFileSync(site.fileFor(path)!);
        assert.ok(html.length <= 300 * 1024, `${path} is ${html.length} bytes raw`);
        assert.ok(gzipSync(html).length <= 50 * 1024, `${path} is ${gzipSync(html).length} bytes gzip`);
      }
    });

    test('/topics/ has an accessible topic × event table whose numbers open that event’s passages', () => {
      const index = site.page(at('topics/'));
      const table = index.querySelector('table.matrix')!;
      assert.ok(table.querySelector('caption')?.textContent.trim(), 'a caption');
      assert.ok(table.querySelectorAll('thead th').every((th) => th.getAttribute('scope') === 'col'));
      const rows = table.querySelectorAll('tbody tr');
      assert.equal(rows.length, topics.length, 'one row per topic');
      assert.ok(rows.every((tr) => tr.querySelector('th')?.getAttribute('scope') === 'row'));
      assert.ok(index.querySelector('.matrix-scroll[tabindex="0"][role="region"]'), 'the scrolling region is focusable and named');
      for (const cell of table.querySelectorAll('td a')) {
        const [target, fragment] = cell.getAttribute('href')!.split('#') as [string, string | undefined];
        if (!fragment || fragment === 'years') continue;
        const heading = site.page(target).getElementById(fragment);
        assert.ok(heading, `${cell.getAttribute('href')} has no target`);
        const section = heading.parentNode as HTMLElement;
        // The count is the event's passages on this page (an event can continue on a later page).
        assert.ok(section.querySelectorAll('article.passage').length <= Number(cell.textContent), `${cell.getAttribute('href')}: count`);
      }
    });
  });
}

describe('fixture corpus: topic briefs', () => {
  const site = openSite(fixture.dir, fixture.base);
  const reports = checkContent({ dir: FIXTURE_CONTENT }).reports.filter((r) => r.data && !r.data.draft && reportIds(FIXTURE_CONTENT).includes(r.id));
  /** Passage anchors per topic, from the reports' frontmatter. */
  const expected = (topic: string) =>
    reports.flatMap((r) => (r.data!.topics.find((t) => t.topic.id === topic)?.sections ?? []).map((s) => `${r.id}--${s}`)).sort();

  test('every passage the reports file under a topic has its anchor on the topic’s year pages, at its report’s event year', () => {
    for (const topic of registryIds(FIXTURE_CONTENT, 'topics')) {
      const found = site.pages
        .filter((p) => new RegExp(`^/topics/${topic}/\\d{4}/$`).test(p))
        .flatMap((p) => site.page(p).querySelectorAll('article.passage').map((a) => a.id))
        .sort();
      assert.deepEqual(found, expected(topic), topic);
    }
    assert.ok(site.page('/topics/capacity-planning/2019/').getElementById('lantern-2019-field-notes--capacity-on-a-budget'));
    assert.ok(site.page('/topics/capacity-planning/2023/').getElementById('lantern-2023-and-tidepool--sizing-the-database-tier'));
  });

  test('the key excerpt keeps the list items that carry the topic and marks its terms; the full section is behind a disclosure', () => {
    const passage = site.page('/topics/stateful-workloads/').getElementById('lantern-2023-and-tidepool--tidepool-day')!;
    const excerpt = passage.querySelector('.key-excerpt')!;
    const marks = excerpt.querySelectorAll('mark').map((m) => m.textContent.toLowerCase());
    assert.ok(marks.length > 0 && marks.every((m) => /^(databases?|stateful|failover)$/.test(m)), `marks: ${marks.join(', ')}`);
    assert.doesNotMatch(excerpt.textContent, /Dedicated nodes for the storage tier/, 'an item without a term is left to the full section');
    const full = passage.querySelector('details.passage-full')!;
    assert.ok(full.querySelector('summary'), 'a summary to open it');
    assert.match(full.textContent, /Dedicated nodes for the storage tier/);
    assert.ok(full.querySelector('.passage-body h5'), 'the ### sub-section comes along, one level below the h4 passage heading');
  });

  test('a topic without terms shows the section’s first paragraph, unmarked', () => {
    const passage = site.page('/topics/cold-starts/').getElementById('lantern-2023-day-one--warm-pools-revisited')!;
    const excerpt = passage.querySelector('.key-excerpt.fallback')!;
    assert.equal(excerpt.querySelectorAll('mark').length, 0);
    assert.match(fold(excerpt.textContent), /^Four years after the first summit, warm pools were back on the agenda\./);
    assert.equal(excerpt.querySelectorAll('p').length, 1);
  });

  test('the topic page names each passage’s report, author and date, newest year first, with a year/event rail', () => {
    const page = site.page('/topics/capacity-planning/');
    const years = page.querySelectorAll('main h2.topic-year').map((h) => fold(h.textContent).slice(0, 4));
    assert.deepEqual(years, ['2025', '2023', '2019']);
    const first = page.querySelector('article.passage')!;
    assert.equal(first.id, 'lantern-2025-recap--autoscaling-grows-up');
    const meta = fold(first.querySelector('.passage-meta')!.textContent);
    assert.equal(meta, 'Tomasz Wren in Lantern Summit 2025 recap · 14 October 2025');
    assert.deepEqual(
      page.querySelectorAll('.topic-rail a').map((a) => fold(a.textContent)),
      ['2025 1 passage', 'Lantern 2025 1 passage', '2023 2 passages', 'Lantern 2023 2 passages', '2019 1 passage', 'Lantern 2019 1 passage'],
    );
  });

  test('the matrix lists events in date order and its cells count the topic’s passages at each event', () => {
    const table = site.page('/topics/').querySelector('table.matrix')!;
    const heads = table.querySelectorAll('thead th').map((th) => fold(th.textContent));
    assert.deepEqual(heads, ['Topic', 'Lantern 2019', 'Lantern 2023', 'Lantern 2025']);
    const row = table.querySelectorAll('tbody tr').find((tr) => tr.querySelector('th a')?.getAttribute('href') === '/topics/capacity-planning/')!;
    assert.deepEqual(row.querySelectorAll('td').map((td) => fold(td.textContent)), ['1', '2', '1']);
    assert.deepEqual(row.querySelectorAll('td a').map((a) => a.getAttribute('href')), [
      '/topics/capacity-planning/2019/#event-lantern-summit-2019',
      '/topics/capacity-planning/2023/#event-lantern-summit-2023',
      '/topics/capacity-planning/2025/#event-lantern-summit-2025',
    ]);
    assert.match(fold(row.querySelector('th')!.textContent), /2019 to 2025$/);
  });
});
