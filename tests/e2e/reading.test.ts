/**
 * Reading the fixture corpus (dist-fixture/) in headless Chromium: accessibility with axe in light
 * and dark, the keyboard, deep links below the sticky header, phones without horizontal scrolling.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, open, servedInChromium } from '../helpers/browser.ts';
import { fixture } from '../helpers/builds.ts';

const pageTypes = {
  home: '/',
  'report with lists and code': '/reports/lantern-2023-and-tidepool/',
  'report with a table and notes': '/reports/lantern-2025-recap/',
  'report with editor’s notes': '/reports/lantern-2019-field-notes/',
  event: '/events/lantern-summit-2023/',
  'talk with programme data': '/talks/pipelines-without-a-queue/',
  'person with a talk': '/people/mireille-osei/',
  topic: '/topics/capacity-planning/',
  tool: '/tools/quillpipe/',
  'reports index': '/reports/',
  'events index': '/events/',
  'topics index': '/topics/',
  'tools index': '/tools/',
  search: '/search/?q=capacity',
  'not found': '/no-such-page/',
};

const served = servedInChromium(fixture.dir, fixture.base);

describe('accessibility (axe-core, WCAG 2 A and AA, contrast included)', () => {
  for (const [name, path] of Object.entries(pageTypes)) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${name} page, ${scheme}`, async () => {
        const { page } = await open(served.browser, served.site.origin, { colorScheme: scheme });
        await page.goto(served.site.origin + path);
        if (name === 'search') await page.waitForSelector('#search-results article, [data-search-results] article', { timeout: 10_000 }).catch(() => undefined);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, []);
        await page.context().close();
      });
    }
  }
});

describe('reading with the keyboard and on a phone', () => {
  test('the first Tab reaches a visible “Skip to content” link with a focus outline', async () => {
    const { page } = await open(served.browser, served.site.origin);
    await page.goto(`${served.site.origin}/reports/lantern-2019-field-notes/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, top: box.top, outline: getComputedStyle(el).outlineStyle };
    });
    assert.equal(focused.text, 'Skip to content');
    assert.ok(focused.top >= 0, 'it is on screen when focused');
    assert.notEqual(focused.outline, 'none');
    await page.context().close();
  });

  test('every link on a report page can be reached with Tab', async () => {
    const { page } = await open(served.browser, served.site.origin);
    await page.goto(`${served.site.origin}/reports/lantern-2023-day-one/`);
    const links = await page.evaluate(() => {
      const visible = [...document.querySelectorAll('a[href]')].filter((a) => (a as HTMLElement).offsetParent !== null);
      visible.forEach((a, i) => a.setAttribute('data-tab-check', String(i)));
      return visible.length;
    });
    const reached = new Set<string>();
    for (let i = 0; i < links + 15; i++) {
      await page.keyboard.press('Tab');
      const mark = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-check'));
      if (mark) reached.add(mark);
    }
    assert.equal(reached.size, links, `reached ${reached.size} of ${links} visible links`);
    await page.context().close();
  });

  test('on a phone, reports with a table, code and nested lists do not scroll sideways', async () => {
    const { page } = await open(served.browser, served.site.origin, { viewport: { width: 390, height: 800 } });
    for (const path of ['/reports/lantern-2025-recap/', '/reports/lantern-2023-and-tidepool/']) {
      await page.goto(served.site.origin + path);
      const { scrollWidth, hasWide } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        hasWide: document.querySelector('.article table, .article pre') !== null,
      }));
      assert.ok(hasWide, `${path} has its table or code block`);
      assert.ok(scrollWidth <= 390, `${path} is ${scrollWidth}px wide on a 390px screen`);
    }
    await page.context().close();
  });

  for (const [label, width] of [['phone', 390], ['desktop', 1280]] as const) {
    test(`a deep link lands on its passage, not under the header (${label})`, async () => {
      const { page } = await open(served.browser, served.site.origin, { viewport: { width, height: 800 } });
      await page.goto(`${served.site.origin}/reports/lantern-2023-day-one/#pipelines-without-a-queue`);
      const { headingTop, headerBottom, scrollWidth } = await page.evaluate(() => ({
        headingTop: document.getElementById('pipelines-without-a-queue')!.getBoundingClientRect().top,
        headerBottom: Math.max(0, document.querySelector('.site-header')!.getBoundingClientRect().bottom),
        scrollWidth: document.documentElement.scrollWidth,
      }));
      assert.ok(headingTop >= headerBottom - 1, `heading at ${headingTop}px, header ends at ${headerBottom}px`);
      assert.ok(headingTop < 200, `heading is near the top (${headingTop}px)`);
      assert.ok(scrollWidth <= width, `no horizontal scrolling (${scrollWidth}px wide)`);
      await page.context().close();
    });
  }
});
