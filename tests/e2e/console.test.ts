/**
 * Every HTML page of the built site, opened in headless Chromium: no console errors (CSP violations
 * included), no uncaught exceptions, no failed or 4xx/5xx requests, nothing from another origin.
 * Runs on dist/ at / and, when built, on dist-kb/ under /kb/.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, watch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';

/** Site paths ("", "reports/x/", …) of every `index.html` under `dir`, plus "404.html". */
function pagesOf(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') found.push(relative(dir, folder).split(sep).join('/'));
    }
  };
  walk(dir);
  return [...found.map((p) => (p ? `${p}/` : '')), ...(existsSync(join(dir, '404.html')) ? ['404.html'] : [])].sort();
}

for (const site of [
  { name: 'site at /', dir: 'dist', base: '/' },
  { name: 'site under /kb/', dir: 'dist-kb', base: '/kb/' },
]) {
  const built = existsSync(join(site.dir, 'index.html'));
  describe(`every page of the ${site.name} stays free of errors`, { skip: built ? false : `${site.dir}/ is not built` }, () => {
    let server: Served;
    let browser: Browser;
    let context: BrowserContext;
    before(async () => {
      server = await serve(site.dir, site.base);
      browser = await launch();
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const pages = built ? pagesOf(site.dir) : [];
    test('the walk found the site’s pages', () => {
      for (const expected of ['', 'search/', 'reports/kubecon-eu-2022-peaks/', 'events/', 'topics/', 'tools/']) {
        assert.ok(pages.includes(expected), `${site.base}${expected} not found in ${site.dir}/`);
      }
    });

    for (const path of [...pages, 'search/?q=operators&year=2022&tool=crossplane', 'search/?tool=karpenter']) {
      test(`${site.base}${path}`, async () => {
        const page = await context.newPage();
        const watched = watch(page, server.origin);
        try {
          await page.goto(`${server.origin}${site.base}${path}`, { waitUntil: 'load' });
          if (path.startsWith('search/')) {
            // The search page loads Pagefind and its index after "load".
            await page.locator('#search-app[data-ready]').waitFor({ timeout: 10_000 });
            await page.waitForLoadState('networkidle');
          }
          assert.deepEqual(watched.problems, []);
        } finally {
          await page.close();
        }
      });
    }
  });
}
