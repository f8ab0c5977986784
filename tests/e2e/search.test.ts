/**
 * Search in headless Chromium against the fixture corpus (tests/fixtures/corpus/), served locally:
 * once at / (dist-fixture/) and once under the /kb/ sub-path (dist-fixture-kb/); `npm test` builds
 * both. The words searched for are the fixture's own (see tests/fixtures/corpus/README.md).
 * Every test also asserts that the page logged no error and requested nothing from another origin.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, open, type Watched } from '../helpers/browser.ts';
import { fixture, fixtureKb, reportIds } from '../helpers/builds.ts';
import { serve, type Served } from '../helpers/serve.ts';

const sites = [fixture, fixtureKb];

/** The 2023 report whose only Quillpipe mention is in its "Pipelines without a queue" section. */
const DAY_ONE = 'reports/lantern-2023-day-one/';
const SECTION = 'pipelines-without-a-queue';
/** The only 2019 report; "flywheel" is in it and in DAY_ONE. */
const NOTES_2019 = 'reports/lantern-2019-field-notes/';

/** Waits until the search page's live region matches `pattern`. */
const statusSays = (page: Page, pattern: RegExp) =>
  page.waitForFunction(
    ([source, flags]) => new RegExp(source!, flags).test(document.getElementById('search-status')?.textContent ?? ''),
    [pattern.source, pattern.flags],
    { timeout: 10_000 },
  );

const resultHrefs = (page: Page) =>
  page.locator('#search-results .result h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

const params = (page: Page) => Object.fromEntries([...new URL(page.url()).searchParams].map(([k]) => [k, new URL(page.url()).searchParams.getAll(k).join(',')]));

const jsRequests = (watched: Watched) => watched.requests.filter((url) => new URL(url).pathname.endsWith('.js'));

/** Reports whose page gives Pagefind `filter` = `value` (read from the built HTML). */
function reportsWith(dir: string, filter: string, value: string): string[] {
  return readdirSync(join(dir, 'reports'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .filter((d) =>
      readFileSync(join(dir, 'reports', d.name, 'index.html'), 'utf8').includes(`data-pagefind-filter="${filter}">${value}<`),
    )
    .map((d) => `reports/${d.name}/`)
    .sort();
}

for (const site of sites) {
  const built = existsSync(join(site.dir, 'pagefind', 'pagefind.js'));
  describe(`search on the ${site.name}`, { skip: built ? false : `${site.dir}/ has no Pagefind bundle: build it first (npm test does)` }, () => {
    let server: Served;
    let browser: Browser;
    const at = (path: string) => `${site.base}${path}`;

    before(async () => {
      server = await serve(site.dir, site.base);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    async function visit(path: string, options = {}): Promise<Watched> {
      const watched = await open(browser, server.origin, options);
      await watched.page.goto(`${server.origin}${at(path)}`);
      return watched;
    }
    const clean = (watched: Watched) => assert.deepEqual(watched.problems, [], 'the page logged errors or made bad requests');

    test('the build wrote the Pagefind index into the output, not the source tree', () => {
      const entry = JSON.parse(readFileSync(join(site.dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
      const reports = reportIds(site.content).length;
      assert.ok(entry.languages.en.page_count >= reports, `${entry.languages.en.page_count} pages indexed for ${reports} reports`);
      assert.ok(existsSync(join(site.dir, 'search', 'header.js')), 'the header search module is missing');
      assert.ok(!existsSync(join('public', 'pagefind')), 'public/pagefind/ exists: the index was copied into the source tree');
    });

    test('searching "Quillpipe" finds the day-one report with a sub-result in its "Pipelines without a queue" section', async () => {
      const w = await visit('search/?q=Quillpipe');
      await statusSays(w.page, /results? for “Quillpipe”/);
      const hrefs = await resultHrefs(w.page);
      assert.ok(hrefs.includes(at(DAY_ONE)), `no day-one report among ${hrefs.join(', ')}`);
      assert.ok(!hrefs.includes(at('reports/lantern-2023-and-tidepool/')), 'a report that never mentions Quillpipe is found');

      const result = w.page.locator('.result', { has: w.page.locator(`h3 a[href="${at(DAY_ONE)}"]`) });
      assert.equal((await result.locator('h3').textContent())?.trim(), 'Lantern Summit 2023, day one');
      assert.match((await result.locator('.result-meta').textContent()) ?? '', /^Report · Lantern 2023 · June 2023 · \S/);
      const section = result.locator(`.passages a[href="${at(DAY_ONE)}#${SECTION}"]`);
      assert.equal((await section.textContent())?.trim(), 'Pipelines without a queue');
      const marks = await result.locator('mark').allTextContents();
      assert.ok(marks.some((m) => /quillpipe/i.test(m)), `no highlighted match in the excerpts: ${marks.join(', ')}`);

      await section.click();
      await w.page.waitForURL((url) => url.pathname === at(DAY_ONE) && url.hash === `#${SECTION}`);
      assert.equal(await w.page.locator(`h2#${SECTION}`).count(), 1);
      clean(w);
    });

    test('a result shows a section heading apart from its excerpt, and highlights words without their punctuation', async () => {
      const w = await visit('search/?q=Quillpipe');
      await statusSays(w.page, /results? for “Quillpipe”/);
      const result = w.page.locator('.result', { has: w.page.locator(`h3 a[href="${at(DAY_ONE)}"]`) });
      const passage = result.locator('.passages li').first();
      const heading = (await passage.locator('a').textContent())?.trim() ?? '';
      const excerpt = (await passage.locator('.excerpt').textContent())?.trim() ?? '';
      assert.equal(heading, 'Pipelines without a queue');
      assert.ok(excerpt.length > 0, 'the passage has no excerpt');
      assert.ok(!excerpt.toLowerCase().startsWith(heading.toLowerCase()), `the excerpt repeats its heading: ${excerpt}`);
      // Wherever a heading falls inside an excerpt it is its own element, never run into the text.
      for (const text of await w.page.locator('#search-results .excerpt').evaluateAll((ps) => ps.map((p) => [...p.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')))) {
        assert.ok(!/Pipelines (without a queue|everywhere) Quillpipe/i.test(text), `a heading runs into the text: ${text}`);
      }
      const marks = await w.page.locator('#search-results mark').allTextContents();
      assert.ok(marks.length > 0);
      for (const m of marks) assert.match(m, /^[\p{L}\p{N}][\s\S]*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/u, `a highlight carries punctuation: “${m}”`);
      clean(w);
    });

    test('the type facet narrows to one kind of page and is kept in the address', async () => {
      const w = await visit('search/?q=quillpipe');
      await statusSays(w.page, /results? for “quillpipe”$/);
      const hrefs = await resultHrefs(w.page);
      assert.ok(hrefs.includes(at('tools/quillpipe/')) && hrefs.includes(at(DAY_ONE)), `expected the tool and a report in ${hrefs.join(', ')}`);
      const type = w.page.getByRole('group', { name: 'Type' });
      await type.getByRole('checkbox', { name: /^Tools \(1\)$/ }).check();
      await statusSays(w.page, /^1 result for “quillpipe” \(Tools\)$/);
      assert.deepEqual(await resultHrefs(w.page), [at('tools/quillpipe/')]);
      assert.deepEqual(params(w.page), { q: 'quillpipe', type: 'tool' });
      assert.match((await w.page.locator('#search-results .result-meta').first().textContent()) ?? '', /^Tool/);

      // Opened from a link, the type and the query come back; reports only leaves the tool out.
      const r = await visit('search/?q=quillpipe&type=report');
      await statusSays(r.page, /results? for “quillpipe” \(Reports\)$/);
      const reports = await resultHrefs(r.page);
      assert.ok(reports.length > 0 && reports.every((href) => href!.startsWith(at('reports/'))), reports.join(', '));
      assert.ok(await r.page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Reports/ }).isChecked());
      clean(w);
      clean(r);
    });

    test('a programme’s abstract is found on its talk page, and the type “Programme abstracts” tells it apart from reports', async () => {
      const w = await visit('search/?q=backlog');
      await statusSays(w.page, /results? for “backlog”$/);
      assert.deepEqual(await resultHrefs(w.page), [at('talks/pipelines-without-a-queue/')]);
      await w.page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Programme abstracts \(1\)$/ }).check();
      await statusSays(w.page, /^1 result for “backlog” \(Programme abstracts\)$/);
      assert.deepEqual(params(w.page), { q: 'backlog', type: 'programme' });
      clean(w);
    });

    test('a search that finds nothing offers the nearest topics and tools and the browse pages', async () => {
      const w = await visit('search/?q=quilpipe');
      await statusSays(w.page, /^0 results for “quilpipe”$/);
      const help = w.page.locator('#search-help');
      await help.waitFor({ state: 'visible' });
      const near = await help.locator('#search-nearest-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.equal(near[0], at('tools/quillpipe/'), `nearest: ${near.join(', ')}`);
      const browse = await help.locator('.browse a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(browse, ['events/', 'topics/', 'talks/', 'people/', 'tools/', 'reports/'].map(at));

      // A word close to a topic offers the topic; the help goes away once something matches.
      const input = w.page.locator('#search-q');
      await input.fill('capasity');
      await statusSays(w.page, /^0 results for “capasity”$/);
      await w.page.locator(`#search-nearest-list a[href="${at('topics/capacity-planning/')}"]`).waitFor();
      await input.fill('capacity');
      await statusSays(w.page, /results? for “capacity”$/);
      assert.ok(await help.isHidden(), 'the no-results help stays after a search that found something');
      clean(w);
    });

    test('a passage quoted on a topic page is found once, in its report', async () => {
      const phrase = 'brittleness of the warm pool';
      assert.ok(readFileSync(join(site.dir, 'topics', 'capacity-planning', 'index.html'), 'utf8').includes(phrase), 'the topic page no longer quotes the passage');
      const w = await visit(`search/?q=${encodeURIComponent(phrase)}`);
      await statusSays(w.page, /results? for “brittleness of the warm pool”/);
      assert.deepEqual(await resultHrefs(w.page), [at(DAY_ONE)]);
      clean(w);
    });

    test('"flywheel" filtered to year 2019 finds only the 2019 report', async () => {
      const w = await visit('search/?q=flywheel');
      await statusSays(w.page, /results? for “flywheel”$/);
      const unfiltered = await resultHrefs(w.page);
      assert.ok(unfiltered.includes(at(NOTES_2019)) && unfiltered.includes(at(DAY_ONE)), `expected both reports in ${unfiltered.join(', ')}`);

      await w.page.getByRole('group', { name: 'Year' }).getByRole('checkbox', { name: /2019/ }).check();
      await statusSays(w.page, /^1 result for “flywheel” \(2019\)$/);
      assert.deepEqual(await resultHrefs(w.page), [at(NOTES_2019)]);
      assert.deepEqual(params(w.page), { q: 'flywheel', year: '2019' });
      clean(w);
    });

    test('talk and speaker filters list the reports that cover a talk, named by title and name', async () => {
      const w = await visit('search/?talk=warm-pools-revisited');
      await statusSays(w.page, /^2 results \(Warm Pools, Four Years Later\)$/);
      assert.deepEqual((await resultHrefs(w.page)).sort(), [DAY_ONE, 'reports/lantern-2023-and-tidepool/'].map(at).sort());
      assert.ok(await w.page.getByRole('group', { name: 'Talk' }).getByRole('checkbox', { name: /^Warm Pools, Four Years Later/ }).isChecked());
      // Facets other than type and year load their counts when opened.
      await w.page.locator('details[data-facet="speaker"] > summary').click();
      await w.page.getByRole('group', { name: 'Speaker' }).getByRole('checkbox', { name: /^Mireille Osei/ }).waitFor({ state: 'attached' });
      clean(w);
    });

    test('a tool filter alone, with no query, lists the reports that mention the tool', async () => {
      const expected = reportsWith(site.dir, 'tool', 'quillpipe');
      assert.deepEqual(expected, ['reports/lantern-2019-field-notes/', DAY_ONE, 'reports/lantern-2025-recap/'], 'the fixture reports that mention Quillpipe');
      const w = await visit('search/?tool=quillpipe');
      await statusSays(w.page, /^3 results \(Quillpipe\)$/);
      assert.deepEqual((await resultHrefs(w.page)).sort(), expected.map(at));
      assert.equal(await w.page.locator('#search-q').inputValue(), '');
      assert.ok(await w.page.getByRole('checkbox', { name: /^Quillpipe/ }).isChecked());

      // Without a query the newest events come first; "Oldest event first" reverses that.
      const dates = () => w.page.locator('#search-results .result-meta time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
      const newestFirst = await dates();
      assert.ok(newestFirst.length > 1, 'too few dated results to check the order');
      assert.deepEqual(newestFirst, [...newestFirst].sort().reverse());
      await w.page.locator('#search-sort').selectOption('oldest');
      await w.page.waitForURL((url) => url.searchParams.get('sort') === 'oldest');
      await w.page.waitForFunction((first) => document.querySelector('#search-results time')?.getAttribute('datetime') !== first, newestFirst[0]);
      assert.deepEqual(await dates(), [...newestFirst].sort());
      clean(w);
    });

    test('opening a search link restores the query and the facets, with counts', async () => {
      const w = await visit('search/?q=capacity&year=2023&tool=quillpipe');
      await statusSays(w.page, /results? for “capacity” \(2023, Quillpipe\)$/);
      assert.equal(await w.page.locator('#search-q').inputValue(), 'capacity');
      const checked = await w.page.locator('#search-facets input:checked').evaluateAll((boxes) =>
        boxes.map((b) => `${(b as HTMLInputElement).name}=${(b as HTMLInputElement).value}`),
      );
      assert.deepEqual(checked.sort(), ['tool=quillpipe', 'year=2023']);
      const year = w.page.getByRole('group', { name: 'Year' });
      assert.match((await year.locator('label', { hasText: '2023' }).textContent()) ?? '', /^\s*2023 \(\d+\)$/);
      assert.match(
        (await w.page.getByRole('group', { name: 'Tool' }).locator('label', { hasText: 'Quillpipe' }).textContent()) ?? '',
        /^\s*Quillpipe \(\d+\)$/,
      );

      // "capacity" is in most fixture reports; only the day-one report is from 2023 and mentions Quillpipe.
      assert.deepEqual(await resultHrefs(w.page), [at(DAY_ONE)]);
      for (const meta of await w.page.locator('#search-results .result-meta').allTextContents()) assert.match(meta, /2023/);
      clean(w);
    });

    test('typing updates the address, and Back and Forward restore earlier searches', async () => {
      const w = await visit('search/?q=capacity&year=2023');
      await statusSays(w.page, /for “capacity” \(2023\)$/);
      const input = w.page.locator('#search-q');
      await input.fill('');
      await input.pressSequentially('quillpipe', { delay: 20 });
      await w.page.waitForURL((url) => url.searchParams.get('q') === 'quillpipe');
      await statusSays(w.page, /for “quillpipe” \(2023\)$/);
      assert.deepEqual(params(w.page), { q: 'quillpipe', year: '2023' });
      assert.ok((await resultHrefs(w.page)).includes(at(DAY_ONE)));

      await w.page.getByRole('group', { name: 'Year' }).getByRole('checkbox', { name: /2023/ }).uncheck();
      await w.page.waitForURL((url) => !url.searchParams.has('year'));
      assert.deepEqual(params(w.page), { q: 'quillpipe' });

      await w.page.goBack();
      await statusSays(w.page, /for “quillpipe” \(2023\)$/);
      assert.deepEqual(params(w.page), { q: 'quillpipe', year: '2023' });
      await w.page.goBack();
      await statusSays(w.page, /for “capacity” \(2023\)$/);
      assert.deepEqual(params(w.page), { q: 'capacity', year: '2023' });
      assert.equal(await input.inputValue(), 'capacity');
      assert.ok(await w.page.getByRole('group', { name: 'Year' }).getByRole('checkbox', { name: /2023/ }).isChecked());

      await w.page.goForward();
      await statusSays(w.page, /for “quillpipe” \(2023\)$/);
      assert.equal(await input.inputValue(), 'quillpipe');
      clean(w);
    });

    test('reading pages load no script file until a search starts, then load the search bundle', async () => {
      for (const path of ['', 'reports/', 'events/', 'topics/', 'tools/', 'topics/capacity-planning/', 'tools/quillpipe/']) {
        const w = await visit(path);
        await w.page.waitForLoadState('load');
        assert.deepEqual(jsRequests(w), [], `${at(path)} loaded scripts`);
        clean(w);
      }
      const w = await visit(DAY_ONE);
      await w.page.waitForLoadState('load');
      await w.page.keyboard.press('/');
      assert.deepEqual(jsRequests(w), [], 'opening the field loaded scripts');
      await w.page.keyboard.type('qui');
      await w.page.locator('#site-search-panel').waitFor({ state: 'visible' });
      const paths = jsRequests(w).map((url) => new URL(url).pathname);
      assert.ok(paths.includes(at('search/header.js')), `no header module in ${paths.join(', ')}`);
      assert.ok(paths.includes(at('pagefind/pagefind.js')), `no pagefind.js in ${paths.join(', ')}`);
      // Pagefind searches on the page: its worker would copy every match across (src/scripts/search/pagefind.ts).
      assert.ok(!paths.includes(at('pagefind/pagefind-worker.js')), `Pagefind started its worker: ${paths.join(', ')}`);
      clean(w);
    });

    test('typing fetches result fragments only for the query the reader settles on', async () => {
      const w = await visit('search/');
      await w.page.locator('#search-app[data-ready]').waitFor();
      await w.page.locator('#search-q').focus();
      await w.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/pagefind\/pagefind\.js$/.test(e.name)));
      await w.page.waitForLoadState('networkidle');
      const fragments: { url: string; at: number }[] = [];
      w.page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith(at('pagefind/fragment/'))) fragments.push({ url: request.url(), at: Date.now() });
      });
      // "capacity" is in most fixture reports; "ca", "cap"… match other pages too.
      let lastKey = 0;
      for (const key of 'capacity') {
        await w.page.keyboard.type(key);
        lastKey = Date.now();
        await w.page.waitForTimeout(80);
      }
      await statusSays(w.page, /results? for “capacity”$/);
      await w.page.waitForLoadState('networkidle');
      const shown = await w.page.locator('#search-results > li').count();
      assert.ok(shown > 0, 'no results shown');
      assert.deepEqual(fragments.filter((f) => f.at < lastKey).map((f) => f.url), [], 'fragments were fetched while the reader was still typing');
      assert.equal(new Set(fragments.map((f) => f.url)).size, shown, 'one fragment per result shown, no more');
      clean(w);
    });

    test('the empty search page loads no index until a reader heads for the field or a filter', async () => {
      const pagefindRequests = (w: Watched) => w.requests.filter((url) => new URL(url).pathname.startsWith(at('pagefind/')));
      const w = await visit('search/');
      await w.page.locator('#search-app[data-ready]').waitFor();
      await w.page.waitForLoadState('networkidle');
      assert.deepEqual(pagefindRequests(w), [], 'the page loaded the index before anyone asked for it');
      await statusSays(w.page, /^Type a word/);
      // Opening a filter loads the index and shows that filter's counts.
      await w.page.locator('details[data-facet="type"] > summary').click();
      await w.page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Reports \(\d+\)$/ }).waitFor();
      assert.ok(pagefindRequests(w).some((url) => url.endsWith('/pagefind.js')), 'no pagefind.js after opening a filter');

      // Focusing the field starts the load; typing then searches.
      const f = await visit('search/');
      await f.page.locator('#search-app[data-ready]').waitFor();
      await f.page.locator('#search-q').focus();
      await f.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/pagefind\/pagefind\.js$/.test(e.name)));
      await f.page.keyboard.type('quillpipe');
      await statusSays(f.page, /results? for “quillpipe”$/);
      assert.ok((await resultHrefs(f.page)).includes(at(DAY_ONE)));
      clean(w);
      clean(f);
    });

    test('the shortcut opens search on a report page, results are reachable by keyboard, Escape closes', async () => {
      const w = await visit(DAY_ONE);
      const { page } = w;
      const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('href') || document.activeElement?.tagName);
      await page.keyboard.press('/');
      assert.equal(await focused(), 'site-search');
      await page.keyboard.type('quillpipe');
      const panel = page.locator('#site-search-panel');
      await panel.waitFor({ state: 'visible' });
      assert.equal(await page.locator('#site-search').getAttribute('aria-expanded'), 'true');
      await page.locator(`#site-search-panel a[href="${at(DAY_ONE)}"]`).waitFor();
      const links = await panel.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.includes(at(`${DAY_ONE}#${SECTION}`)), `no section link in ${links.join(', ')}`);
      assert.ok(links.at(-1)?.startsWith(at('search/?q=quillpipe')), 'no link to the search page');

      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), links[0]);
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), links[1]);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(), 'site-search');

      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      assert.ok(await panel.isHidden(), 'Escape left the panel open');
      assert.equal(await focused(), 'site-search');
      await page.keyboard.press('Escape');
      assert.notEqual(await focused(), 'site-search');

      for (const shortcut of ['Control+k', 'Meta+k']) {
        await page.locator('h1').click();
        await page.keyboard.press(shortcut);
        assert.equal(await focused(), 'site-search', `${shortcut} did not focus the search field`);
      }
      // "/" typed into a field stays in the field.
      await page.keyboard.press('End');
      await page.keyboard.type('/');
      assert.equal(await page.locator('#site-search').inputValue(), 'quillpipe/');

      // Tab reaches the results too, and Enter follows one.
      await page.locator('#site-search').fill('quillpipe');
      await page.locator(`#site-search-panel a[href="${at(DAY_ONE)}"]`).waitFor();
      await page.keyboard.press('Tab'); // the Search button
      await page.keyboard.press('Tab');
      assert.equal(await focused(), links[0]);
      // Results refreshed under the reader (the field's input again) keep them on the same result.
      await page.evaluate(() => {
        (document.activeElement as HTMLElement).dataset.before = 'refresh';
        document.getElementById('site-search')!.dispatchEvent(new Event('input'));
      });
      await page.waitForFunction((href) => {
        const a = [...document.querySelectorAll<HTMLElement>('#site-search-panel a')].find((e) => e.getAttribute('href') === href);
        return a !== undefined && a.dataset.before === undefined;
      }, links[0]);
      assert.equal(await focused(), links[0], 'the refresh moved the focus');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => `${url.pathname}${url.hash}` === links[0]);
      clean(w);
    });

    test('Enter in the header field, without the search module, goes to the search page', async () => {
      const w = await visit('', { javaScriptEnabled: false });
      await w.page.locator('#site-search').fill('quillpipe');
      await w.page.locator('#site-search').press('Enter');
      await w.page.waitForURL((url) => url.pathname === at('search/') && url.search === '?q=quillpipe');
      assert.ok(await w.page.locator('noscript p', { hasText: 'needs JavaScript' }).isVisible());
      clean(w);
    });

    test('without JavaScript the search page says so and links the browse pages', async () => {
      const w = await visit('search/?q=capacity', { javaScriptEnabled: false });
      // (Playwright's getByText skips <noscript>, so look for the paragraph itself.)
      assert.ok(await w.page.locator('noscript p', { hasText: 'Search runs in your browser and needs JavaScript' }).isVisible());
      assert.ok(await w.page.locator('#search-q').isHidden(), 'a search field that cannot work is shown');
      const hrefs = await w.page.locator('#search-app noscript a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs, ['events/', 'topics/', 'talks/', 'people/', 'tools/', 'reports/'].map(at));
      clean(w);
    });

    test('the page CSP allows the inline script by its hash, without unsafe-inline, and allows Pagefind', () => {
      for (const file of [join(site.dir, DAY_ONE, 'index.html'), join(site.dir, 'search', 'index.html')]) {
        const html = readFileSync(file, 'utf8');
        const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
        assert.ok(csp, `${file} has no CSP`);
        const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))!;
        assert.ok(!scriptSrc.includes("'unsafe-inline'"), scriptSrc);
        assert.ok(scriptSrc.includes("'wasm-unsafe-eval'"), scriptSrc);
        const inline = [...html.matchAll(/<script(?![^>]*(?:\ssrc=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
        assert.ok(inline.length >= 1, 'no inline script');
        for (const code of inline) {
          const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
          assert.ok(scriptSrc.includes(hash), `inline script not allowed by hash: ${code.slice(0, 60)}…`);
        }
        assert.ok(Buffer.byteLength(inline.join('')) < 600, 'the inline script grew beyond a few hundred bytes');
      }
    });
  });
}
