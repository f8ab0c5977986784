/**
 * The fixture report with a long-lined code block, a table and a video card
 * (`lantern-2025-failover-drill`) in headless Chromium: on a phone and a desktop the page never
 * scrolls sideways (the code block and the table scroll inside the column), the scroll regions take
 * the keyboard focus, axe finds nothing in light or dark, and no request leaves the site.
 * Set SCREENSHOTS=<folder> to keep screenshots at 390 and 1280 px, light and dark, for review.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { axeViolations, open, servedInChromium } from '../helpers/browser.ts';
import { fixture } from '../helpers/builds.ts';

const path = '/reports/lantern-2025-failover-drill/';
const served = servedInChromium(fixture.dir, fixture.base);

describe('code blocks, tables and video cards in the browser', () => {
  for (const width of [375, 1280]) {
    test(`at ${width} px the page does not scroll sideways; the code block scrolls inside the column`, async () => {
      const { page, problems } = await open(served.browser, served.site.origin, { viewport: { width, height: 800 } });
      await page.goto(served.site.origin + path);
      const sizes = await page.evaluate(() => {
        const pre = document.querySelector('.article pre')!;
        const column = document.querySelector('.article p')!.getBoundingClientRect();
        return { page: document.documentElement.scrollWidth, pre: pre.getBoundingClientRect(), inner: pre.scrollWidth, outer: pre.clientWidth, column };
      });
      assert.ok(sizes.page <= width, `the page is ${sizes.page}px wide on a ${width}px screen`);
      assert.ok(sizes.pre.right <= sizes.column.right + 1, `the code block ends at ${sizes.pre.right}px, the column at ${sizes.column.right}px`);
      assert.ok(sizes.inner > sizes.outer, `the long line scrolls inside the block (${sizes.inner}px in ${sizes.outer}px)`);
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  test('the code block and the table take the keyboard focus, so their overflow can be scrolled with the arrow keys', async () => {
    const { page } = await open(served.browser, served.site.origin, { viewport: { width: 375, height: 800 } });
    await page.goto(served.site.origin + path);
    const focused: string[] = [];
    for (let i = 0; i < 60 && focused.length < 3; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.closest('.article') && document.activeElement.getAttribute('aria-label'));
      if (label && !focused.includes(label)) focused.push(label);
    }
    assert.deepEqual(focused.slice(0, 2), ['Code: yaml', 'Table: Team, Writes paused, Reads paused']);
    await page.focus('.article pre');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.article pre')!.scrollLeft > 0, undefined, { timeout: 2000 });
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation, ${scheme}`, async () => {
      const { page } = await open(served.browser, served.site.origin, { colorScheme: scheme });
      await page.goto(served.site.origin + path);
      assert.deepEqual(await axeViolations(page), []);
      if (process.env.SCREENSHOTS) {
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: join(process.env.SCREENSHOTS, `blocks-${width}-${scheme}.png`), fullPage: true });
          const top = (await page.locator('#the-drill').boundingBox())!;
          const bottom = (await page.locator('.video-card').boundingBox())!;
          const clip = { x: 0, y: top.y - 8, width, height: bottom.y + bottom.height - top.y + 16 };
          await page.screenshot({ path: join(process.env.SCREENSHOTS, `blocks-${width}-${scheme}-detail.png`), fullPage: true, clip });
        }
      }
      await page.context().close();
    });
  }
});
