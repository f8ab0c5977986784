/**
 * Topic briefs in headless Chromium on the fixture corpus (dist-fixture/): what a reader sees of
 * the rail, the passages, the disclosure and the topic × event table, and axe on a year page.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, open, servedInChromium } from '../helpers/browser.ts';
import { fixture } from '../helpers/builds.ts';

const TOPIC = '/topics/stateful-workloads/';
const YEAR = '/topics/capacity-planning/2023/';

const served = servedInChromium(fixture.dir, fixture.base);

describe('topic pages in the browser', () => {
  test('at 1280 px the year/event rail sits beside the passages and stays in view while they scroll', async () => {
    const { page, problems } = await open(served.browser, served.site.origin, { viewport: { width: 1280, height: 500 } });
    await page.goto(served.site.origin + YEAR);
    const rail = page.locator('.topic-rail');
    const main = page.locator('.topic-main');
    const [r, m] = [(await rail.boundingBox())!, (await main.boundingBox())!];
    assert.ok(r.x > m.x + m.width, 'the rail is to the right of the passages');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const after = (await rail.boundingBox())!;
    assert.ok(after.y >= 0 && after.y < 200, `the rail stays near the top of the viewport (y = ${after.y})`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('passage sub-headings are smaller than the passage heading and larger or bolder than body text', async () => {
    const { page } = await open(served.browser, served.site.origin);
    await page.goto(served.site.origin + TOPIC);
    const passage = page.locator('#lantern-2023-and-tidepool--tidepool-day');
    await passage.locator('summary').click();
    const style = (selector: string) =>
      passage.locator(selector).first().evaluate((el) => ({ size: Number.parseFloat(getComputedStyle(el).fontSize), weight: Number(getComputedStyle(el).fontWeight) }));
    const [title, sub, body] = [await style('.passage-title'), await style('.passage-body h5'), await style('.passage-body p')];
    assert.ok(title.size > sub.size, `passage heading ${title.size}px > sub-heading ${sub.size}px`);
    assert.ok(sub.size > body.size || (sub.size === body.size && sub.weight > body.weight), `sub-heading ${sub.size}px/${sub.weight} above body ${body.size}px/${body.weight}`);
    await page.context().close();
  });

  test('the full section opens from the keyboard, without JavaScript, and the permanent link lands on the passage', async () => {
    const { page } = await open(served.browser, served.site.origin, { javaScriptEnabled: false });
    await page.goto(served.site.origin + TOPIC);
    const passage = page.locator('#lantern-2023-and-tidepool--tidepool-day');
    const body = passage.locator('.passage-body');
    assert.equal(await body.isVisible(), false, 'the full section starts closed');
    await passage.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await body.isVisible(), true, 'Enter opens it');
    assert.match((await body.textContent()) ?? '', /Dedicated nodes for the storage tier/);
    await passage.locator('a.permalink').click();
    await page.waitForURL((url) => url.pathname === '/topics/stateful-workloads/2023/' && url.hash === '#lantern-2023-and-tidepool--tidepool-day');
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'lantern-2023-and-tidepool--tidepool-day');
    assert.ok(await page.locator('#lantern-2023-and-tidepool--tidepool-day .passage-title').isVisible(), 'the passage is shown');
    const box = (await page.locator('#lantern-2023-and-tidepool--tidepool-day').boundingBox())!;
    assert.ok(box.y >= 0 && box.y < 800, `the passage is in the viewport (y = ${box.y})`);
    await page.context().close();
  });

  test('on a narrow phone the topic table scrolls inside its frame with the topic column kept in view', async () => {
    const { page } = await open(served.browser, served.site.origin, { viewport: { width: 320, height: 700 } });
    await page.goto(`${served.site.origin}/topics/`);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= 320, `the page itself does not scroll sideways (${pageWidth}px)`);
    const region = page.locator('.matrix-scroll');
    const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow > 0, 'the table is wider than a 320 px phone, so it scrolls');
    const firstCell = page.locator('.matrix tbody th').first();
    const before = (await firstCell.boundingBox())!.x;
    await region.evaluate((el) => el.scrollBy(200, 0));
    const after = (await firstCell.boundingBox())!.x;
    assert.equal(Math.round(after), Math.round(before), 'the topic column stays put');
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`a year page passes axe (WCAG 2 A and AA), ${scheme}`, async () => {
      const { page } = await open(served.browser, served.site.origin, { colorScheme: scheme });
      await page.goto(served.site.origin + YEAR);
      await page.locator('details.passage-full').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
      const violations = await axeViolations(page);
      assert.deepEqual(violations, []);
      await page.context().close();
    });
  }
});
