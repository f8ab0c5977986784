/**
 * A large site's search index is written in parts (src/integrations/search-index.ts) and merged in
 * the browser. Here a copy of the fixture build is re-indexed with one report page per part, and
 * the search page must find exactly what it finds with one bundle: same results, same counts.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { indexSite, partition } from '../../src/integrations/search-index.ts';
import { launch, watch } from '../helpers/browser.ts';
import { fixture } from '../helpers/builds.ts';
import { serve, type Served } from '../helpers/serve.ts';

test('partition: every page once; non-report pages and the first reports in part 1', () => {
  const files = ['index.html', 'reports/a/index.html', 'reports/b/index.html', 'reports/c/index.html', 'topics/x/index.html'];
  const parts = partition(files, 2);
  assert.deepEqual(parts, [['index.html', 'topics/x/index.html', 'reports/a/index.html', 'reports/b/index.html'], ['reports/c/index.html']]);
  assert.deepEqual(partition(files, 10).length, 1);
});

const built = existsSync(join(fixture.dir, 'pagefind', 'pagefind.js'));
describe('search over an index in parts', { skip: built ? false : `${fixture.dir}/ has no Pagefind bundle: build it first (npm test does)` }, () => {
  const copy = mkdtempSync(join(tmpdir(), 'hallway-parts-'));
  let server: Served;
  let whole: Served;
  let browser: Browser;

  before(async () => {
    cpSync(fixture.dir, copy, { recursive: true });
    rmSync(join(copy, 'pagefind'), { recursive: true });
    await indexSite(copy, () => {}, 1);
    server = await serve(copy, '/');
    whole = await serve(fixture.dir, '/');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await whole?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  const results = async (origin: string, query: string) => {
    const page = await browser.newPage();
    const watched = watch(page, origin);
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /results? for|No results/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const status = await page.locator('#search-status').textContent();
    const hrefs = await page.locator('#search-results .result h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')).sort());
    assert.deepEqual(watched.problems, []);
    await page.close();
    return { status, hrefs };
  };

  test('the index was written in parts', () => {
    const parts = JSON.parse(readFileSync(join(copy, 'pagefind', 'parts.json'), 'utf8')) as string[];
    assert.ok(parts.length >= 2, `parts: ${parts.join(', ')}`);
    for (const part of parts) assert.ok(existsSync(join(copy, 'pagefind', part, 'pagefind-entry.json')), part);
  });

  // Pagefind ranks within each part, so a long list can come in another order: the counts must
  // agree, and the pages too when all of them fit on the first screen of results.
  test('finds the same pages as the single index', async () => {
    for (const query of ['flywheel', 'quillpipe', 'lantern']) {
      const [split, single] = [await results(server.origin, query), await results(whole.origin, query)];
      assert.ok(single.hrefs.length > 0, `${query}: the single index finds something`);
      assert.equal(split.status, single.status, query);
      if (/^[1-4] results? for/.test(single.status ?? '')) assert.deepEqual(split.hrefs, single.hrefs, query);
    }
  });
});
