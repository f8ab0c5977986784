/**
 * Code blocks, tables and video links in the built fixture report `lantern-2025-failover-drill`
 * (src/markdown/rehype/blocks.ts): highlighted with classes only, labelled, scrollable regions a
 * keyboard can reach, and a video card that names the host and loads nothing from it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { fixture } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

const site = openSite(fixture.dir, fixture.base);
/** The parser keeps a <pre>'s content as raw text: its code element, parsed. */
const codeIn = (pre: ReturnType<typeof article>) => parse(pre.innerHTML).querySelector('code')!;
const article = () => site.page('/reports/lantern-2025-failover-drill/').querySelector('main article')!;

describe('code blocks, tables and video links in a report', () => {
  test('a fenced yaml block is highlighted with hljs classes, labelled, and a named, focusable region', () => {
    const pre = article().querySelector('pre')!;
    assert.equal(pre.getAttribute('data-lang'), 'yaml');
    assert.equal(pre.getAttribute('tabindex'), '0');
    assert.equal(pre.getAttribute('role'), 'region');
    assert.equal(pre.getAttribute('aria-label'), 'Code: yaml');
    assert.equal(codeIn(pre).getAttribute('class'), 'hljs language-yaml');
    assert.deepEqual(codeIn(pre).querySelectorAll('span').map((s) => s.getAttribute('class')), ['hljs-attr', 'hljs-attr', 'hljs-string', 'hljs-attr', 'hljs-string']);
    assert.match(codeIn(pre).textContent, /--keep-old-primary-read-only"\n {2}timeout: 90s/, 'the code text is kept as written');
  });

  test('a toml block is highlighted with the ini grammar (an alias of a chosen language)', () => {
    const pre = site.page('/reports/lantern-2023-and-tidepool/').querySelector('main article pre')!;
    assert.equal(pre.getAttribute('data-lang'), 'toml');
    assert.equal(pre.getAttribute('aria-label'), 'Code: toml');
    assert.equal(codeIn(pre).querySelector('span')?.getAttribute('class'), 'hljs-section');
  });

  test('a table sits in a named, focusable scroll region with its header row', () => {
    const region = article().querySelector('div.table-scroll')!;
    assert.equal(region.getAttribute('tabindex'), '0');
    assert.equal(region.getAttribute('role'), 'region');
    assert.equal(region.getAttribute('aria-label'), 'Table: Team, Writes paused, Reads paused');
    assert.deepEqual(region.querySelectorAll('thead th').map((th) => th.textContent), ['Team', 'Writes paused', 'Reads paused']);
  });

  test('[Video: title](https://…) is a link card naming the host, with nothing loaded from it', () => {
    const card = article().querySelector('a.video-card')!;
    assert.equal(card.getAttribute('href'), 'https://video.example.org/watch/failover-drill');
    assert.deepEqual(
      card.querySelectorAll('span').map((s) => [s.getAttribute('class'), s.textContent]),
      [['video-kind', 'Video'], ['video-title', 'Failover drill, start to finish'], ['video-host', 'on video.example.org']],
    );
    const html = site.page('/reports/lantern-2025-failover-drill/').outerHTML;
    assert.equal(html.match(/video\.example\.org/g)?.length, 2, 'the host is named in the link and the card only (no image, no frame)');
  });

  test('no style attribute anywhere in the report body (the CSP has no unsafe-inline)', () => {
    assert.deepEqual(article().querySelectorAll('[style]').map((e) => e.outerHTML.slice(0, 80)), []);
  });
});
