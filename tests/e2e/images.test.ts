/**
 * Photos in a report, in headless Chromium on the fixture build (dist-fixture/): they load under
 * the page's CSP with nothing refused, the browser picks the small WebP on a phone, and nothing
 * moves while they load (width and height hold their place). Screenshots of the page at 390 and
 * 1280 px, light and dark, go to .scratch/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { open, servedInChromium } from '../helpers/browser.ts';
import { fixture } from '../helpers/builds.ts';

const path = '/reports/lantern-2025-recap/';
const served = servedInChromium(fixture.dir, fixture.base);

describe('photos in a report', () => {
  for (const width of [390, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${width} px, ${scheme}: loaded under the CSP, no layout shift, the right size chosen`, async () => {
        const watched = await open(served.browser, served.site.origin, { viewport: { width, height: 800 }, colorScheme: scheme });
        const { page } = watched;
        await page.addInitScript(() => {
          const seen: { csp: string[]; shift: number } = { csp: [], shift: 0 };
          (window as unknown as { seen: typeof seen }).seen = seen;
          document.addEventListener('securitypolicyviolation', (e) => seen.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as { value: number }[]) seen.shift += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(served.site.origin + path);
        // Before a lazy photo loads, its box already has the photo's shape.
        const before = await page.locator('.article figure img').boundingBox();
        for (const img of await page.locator('.article picture img').all()) {
          await img.scrollIntoViewIfNeeded();
          await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
        }
        const after = await page.locator('.article figure img').boundingBox();
        assert.ok(before && after && Math.abs(before.height - after.height) < 1, `the box kept its height (${before?.height} → ${after?.height})`);
        assert.ok(Math.abs(after.width / after.height - 1.5) < 0.01, 'the photo keeps its 3:2 shape');
        assert.ok(after.width <= width, 'never wider than the screen');
        const seen = await page.evaluate(() => (window as unknown as { seen: { csp: string[]; shift: number } }).seen);
        assert.deepEqual(seen.csp, [], 'no CSP violation');
        assert.equal(seen.shift, 0, 'no layout shift');
        assert.deepEqual(watched.problems, []);
        const chosen = await page.locator('.article figure img').evaluate((el) => (el as HTMLImageElement).currentSrc);
        assert.match(chosen, width === 390 ? /-480\.webp$/ : /-(?:960|1600)\.webp$/);
        mkdirSync('.scratch/screenshots', { recursive: true });
        await page.locator('.article figure').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `.scratch/screenshots/report-photos-${width}-${scheme}.png` });
        await page.context().close();
      });
    }
  }

  test('a topic page shows the figure small inside the full section', async () => {
    const { page, problems } = await open(served.browser, served.site.origin);
    await page.goto(`${served.site.origin}/topics/capacity-planning/`);
    const details = page.locator('.passage-full', { has: page.locator('figure') });
    await details.locator('summary').click();
    const img = details.locator('figure img');
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
    const box = await img.boundingBox();
    assert.ok(box && box.width <= 16 * 16 + 1, `small: ${box?.width} px wide`);
    mkdirSync('.scratch/screenshots', { recursive: true });
    await page.screenshot({ path: '.scratch/screenshots/topic-photo-1280-light.png' });
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
