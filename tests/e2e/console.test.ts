/**
 * Every HTML page of a built site, opened in headless Chromium: no console errors (CSP violations
 * included), no uncaught exceptions, no failed or 4xx/5xx requests, nothing from another origin.
 * Runs on every build `npm test` makes: the real content at / (dist/), whatever it holds, and the
 * fixture corpus at / and under /kb/ (dist-fixture/, dist-fixture-kb/), plus a few search pages
 * with a query and filters taken from each build's own content.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import yaml from 'js-yaml';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, watch } from '../helpers/browser.ts';
import { allBuilds, registryIds, reportIds, type Build } from '../helpers/builds.ts';
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

/** Search pages with state, built from the content: the first tool, and a topic's title with the first event's year. */
function searches(build: Build): string[] {
  const tool = registryIds(build.content, 'tools')[0]!;
  const event = yaml.load(readFileSync(join(build.content, 'events.yaml'), 'utf8')) as Record<string, { year: number }>;
  const [firstEvent] = Object.values(event);
  const topic = yaml.load(readFileSync(join(build.content, 'topics.yaml'), 'utf8')) as Record<string, { title: string }>;
  const word = Object.values(topic)[0]!.title.split(/\s+/)[0]!.toLowerCase();
  return [`search/?q=${encodeURIComponent(word)}&year=${firstEvent!.year}&tool=${tool}`, `search/?tool=${tool}`];
}

for (const site of allBuilds) {
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
      const reports = reportIds(site.content).map((id) => `reports/${id}/`);
      for (const expected of ['', 'search/', 'events/', 'topics/', 'tools/', 'reports/', ...reports]) {
        assert.ok(pages.includes(expected), `${site.base}${expected} not found in ${site.dir}/`);
      }
    });

    for (const path of [...pages, ...searches(site)]) {
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
