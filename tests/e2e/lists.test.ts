/**
 * The list pages of the fixture corpus (dist-fixture/) in headless Chromium: a tool page's link to a
 * sentence lands on the sentence (text fragment), a stale sentence still lands on its section, and
 * the new year and per-year tool pages pass axe in both themes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, open, servedInChromium } from '../helpers/browser.ts';
import { fixture } from '../helpers/builds.ts';


const served = servedInChromium(fixture.dir, fixture.base);

/** Whether the first element matching `selector` whose text contains `text` is inside the viewport. */
const inView = (page: Page, selector: string, text: string) =>
  page.evaluate(
    ([sel, t]) => {
      const el = [...document.querySelectorAll(sel!)].find((e) => e.textContent!.replace(/\s+/g, ' ').includes(t!));
      if (!el) return 'missing';
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight ? 'visible' : `at ${Math.round(r.top)} of ${innerHeight}`;
    },
    [selector, text],
  );

describe('links from a tool page to the sentence', () => {
  test('following “Read it in the report” scrolls to the sentence, not just the section', async () => {
    const { page, problems } = await open(served.browser, served.site.origin, { viewport: { width: 390, height: 420 } });
    await page.goto(`${served.site.origin}/tools/quillpipe/`);
    const links = page.locator('a.to-sentence');
    const count = await links.count();
    assert.ok(count > 0);
    for (let i = 0; i < count; i++) {
      await page.goto(`${served.site.origin}/tools/quillpipe/`);
      const link = page.locator('a.to-sentence').nth(i);
      const quote = (await link.locator('xpath=ancestor::li[1]//blockquote').textContent())!.replace(/\s+/g, ' ').trim();
      await link.click();
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      const words = quote.split(' ').slice(0, 5).join(' ');
      assert.equal(await inView(page, '.article p, .article li, .article td', words), 'visible', `${page.url()}: “${words}” in view`);
      // The text directive did the scrolling: landing on the section alone puts the page elsewhere
      // (Chromium centres a text match; a section lands at the top, below the sticky header).
      const atText = await page.evaluate(() => scrollY);
      const sectionOnly = page.url().split(':~:')[0]!;
      const other = await page.context().newPage();
      await other.goto(sectionOnly);
      await other.waitForTimeout(300);
      const atSection = await other.evaluate(() => scrollY);
      await other.close();
      assert.notEqual(atText, atSection, `${page.url()} lands where its section alone would`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('when the sentence no longer matches, the section id is the fallback', async () => {
    const { page } = await open(served.browser, served.site.origin, { viewport: { width: 390, height: 420 } });
    await page.goto(`${served.site.origin}/tools/quillpipe/`);
    const href = (await page.locator('a.to-sentence').first().getAttribute('href'))!;
    const [path, fragment] = href.split('#');
    const section = fragment!.split(':~:')[0]!;
    await page.goto(`${served.site.origin}${path}#${section}:~:text=no%20such%20words%20anywhere`);
    // Chromium looks for the text first and falls back to the id once it is not found.
    await page.waitForFunction((id) => { const t = document.getElementById(id)!.getBoundingClientRect().top; return t >= 0 && t < innerHeight; }, section, { timeout: 5_000 }).catch(() => undefined);
    const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, section);
    assert.ok(top >= 0 && top < 420, `#${section} is at ${top}`);
    await page.context().close();
  });
});

describe('accessibility of the paged list pages (axe-core, WCAG 2 A and AA)', () => {
  for (const path of ['/years/2023/', '/tools/quillpipe/2023/']) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${path}, ${scheme}`, async () => {
        const { page } = await open(served.browser, served.site.origin, { colorScheme: scheme });
        await page.goto(served.site.origin + path);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, []);
        await page.context().close();
      });
    }
  }
});
