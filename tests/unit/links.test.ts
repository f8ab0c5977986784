/**
 * Links in report bodies and heading ids: root-relative links get the base path, a heading never
 * takes an id of the page frame, `//host` is refused, and the check refuses links to pages or
 * headings that do not exist, with the nearest valid one. Made-up bodies and corpora only.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { FRAME_IDS, isFrameId } from '../../src/lib/frame-ids.ts';
import { createReportProcessor } from '../../src/markdown/pipeline.ts';
import { checkProblems as problems } from '../helpers/check.ts';
import { files, report, withBody } from '../helpers/corpus.ts';

function render(markdown: string, base = '/') {
  const processor = createReportProcessor({ tools: [], base, strict: false });
  const file = new VFile({ path: 'x.mdx', value: markdown });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { html: toHtml(tree), record: file.data.record!, problems: (file.data.problems ?? []).map((p) => `${p.line}: ${p.message}`) };
}

describe('heading ids never collide with the page frame’s', () => {
  test('headings named Credit, Topics, Main, Related, Talks and Tools mentioned take the next free id', () => {
    const { record } = render(['Credit', 'Topics', 'Main', 'Related', 'Talks', 'Mentioned', 'Site search', 'Ed note 1', 'Credit 1'].map((t) => `## ${t}\n\nText.`).join('\n\n'));
    assert.deepEqual(record.headings.map((h) => h.id), ['credit-1', 'topics-1', 'main-1', 'related-1', 'talks-1', 'mentioned-1', 'site-search-1', 'ed-note-1-1', 'credit-1-1']);
    for (const h of record.headings) assert.ok(!FRAME_IDS.includes(h.id), h.id);
  });

  test('an id with "-1" added is never a frame id, so the next free id is always found', () => {
    for (const id of [...FRAME_IDS, 'ed-note-3', 'ed-ref-12', 'user-content-fn-2', 'user-content-fnref-1']) {
      assert.ok(isFrameId(id), id);
      assert.ok(!isFrameId(`${id}-1`), `${id}-1`);
    }
  });

  test('other headings keep the id github-slugger gives them', () => {
    const { record } = render('## Credits and thanks\n\nText.\n\n## Main points\n\nText.');
    assert.deepEqual(record.headings.map((h) => h.id), ['credits-and-thanks', 'main-points']);
  });
});

describe('in-site links in a body', () => {
  const body = '[a report](/reports/other/#intro), [here](#intro), [up](../other/), ![pic](/og/events/x.png) and [web](https://example.com/a/)\n\n## Intro\n\nText.';

  test('root-relative links and images get the base path; relative, fragment and web links stay as written', () => {
    const { html } = render(body, '/kb/');
    assert.match(html, /<a href="\/kb\/reports\/other\/#intro">a report<\/a>/);
    assert.match(html, /<a href="#intro">here<\/a>/);
    assert.match(html, /<a href="\.\.\/other\/">up<\/a>/);
    assert.match(html, /<img src="\/kb\/og\/events\/x\.png" alt="pic">/);
    assert.match(html, /<a href="https:\/\/example\.com\/a\/">web<\/a>/);
  });

  test('at the root nothing changes, and the record keeps each in-site link as written, with its line', () => {
    const { html, record } = render(body);
    assert.match(html, /<a href="\/reports\/other\/#intro">a report<\/a>/);
    assert.deepEqual(record.links, [
      { url: '/reports/other/#intro', line: 1 },
      { url: '#intro', line: 1 },
      { url: '../other/', line: 1 },
      { url: '/og/events/x.png', line: 1 },
    ]);
  });

  test('footnote markers are the pipeline’s links, not recorded; a heading named like a footnote id keeps clear of it', () => {
    const { record, html } = render('A claim.[^1]\n\n## Footnote label\n\nText.\n\n## User content fn 1\n\nMore.\n\n[^1]: The note.');
    assert.deepEqual(record.links, []);
    assert.deepEqual(record.headings.map((h) => h.id), ['footnote-label-1', 'user-content-fn-1-1']);
    assert.equal(html.match(/id="footnote-label"/g)?.length, 1);
  });

  test('a protocol-relative link is refused, with the https:// spelling as the fix', () => {
    const { html, problems } = render('[x](//evil.example/path) and [y](/\\evil.example/)');
    assert.deepEqual(problems, [
      '1: expected a link to http:, https:, mailto: or a page of this site, found "//evil.example/path"; write "https://evil.example/path" for another site',
      '1: expected a link to http:, https:, mailto: or a page of this site, found "/\\\\evil.example/"; write "https://evil.example/" for another site',
    ]);
    assert.doesNotMatch(html, /evil/);
  });
});

/** A second, published report to link to, with two headings. */
const second = files[report]!.replace('title: First visit', 'title: Second visit').replace('We went to the conference.', 'We went again.');

describe('the check refuses links to pages and headings that do not exist', () => {
  test('links to existing pages, headings and frame ids pass', () => {
    assert.deepEqual(problems({
      'reports/second-visit.mdx': second,
      [report]: withBody('See [the other](/reports/second-visit/#packaging-talks), [its credit](/reports/second-visit/#credit), [below](#hallway), [up](../second-visit/), [events](/events/devconf-2031/), [2031](/years/2031/), [packaging in 2031](/topics/packaging/2031/), [quiver](/tools/quiver/2031/), [search](/search/?q=quiver) and [home](/).'),
    }), []);
  });

  test('a missing report, a missing heading (there or here) and a missing page, each with the nearest valid one', () => {
    assert.deepEqual(problems({
      'reports/second-visit.mdx': second,
      [report]: withBody('See [x](/reports/second-vist/).\n\n[y](/reports/second-visit/#packagin-talks) and [z](#halway).\n\n[w](/topic/packaging/) and [v](/nowhere-at-all-here/) and [u](#zzzzzzzzzz).'),
    }), [
      'reports/first-visit.mdx:20: link: expected a page of this site, found "/reports/second-vist/"; did you mean "/reports/second-visit/"?',
      'reports/first-visit.mdx:22: link: expected a heading id of "/reports/second-visit/", found "#packagin-talks"; did you mean "#packaging-talks"?',
      'reports/first-visit.mdx:22: link: expected a heading id of "/reports/first-visit/", found "#halway"; did you mean "#hallway"?',
      'reports/first-visit.mdx:24: link: expected a page of this site, found "/topic/packaging/"; did you mean "/topics/packaging/"?',
      'reports/first-visit.mdx:24: link: expected a page of this site, found "/nowhere-at-all-here/"; link to a page that exists, or remove the link',
      'reports/first-visit.mdx:24: link: expected a heading id of "/reports/first-visit/", found "#zzzzzzzzzz"; its heading ids are "#packaging-talks", "#hallway"',
    ]);
  });

  test('a published report may not link to a draft, a draft may', () => {
    const draft = second.replace('title: Second visit', 'title: Second visit\ndraft: true');
    assert.deepEqual(problems({ 'reports/second-visit.mdx': draft, [report]: withBody('[x](/reports/second-visit/)') }), [
      'reports/first-visit.mdx:20: link: expected a published page of this site, found "/reports/second-visit/", a draft; publish it first, or remove the link',
    ]);
    assert.deepEqual(problems({ 'reports/second-visit.mdx': `${draft}\n[back](/reports/first-visit/#hallway)\n` }), []);
  });

  test('checking one report knows the others’ pages without reading them', () => {
    assert.deepEqual(problems({ 'reports/second-visit.mdx': second, [report]: withBody('[x](/reports/second-visit/#anything) and [y](/years/2032/) but [z](/reports/third/)') }, [report]), [
      'reports/first-visit.mdx:20: link: expected a page of this site, found "/reports/third/"; link to a page that exists, or remove the link',
    ]);
  });
});
