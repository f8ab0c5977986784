/**
 * Key excerpts (src/lib/brief.ts) and topic page splitting (src/lib/topic-pages.ts), on made-up
 * HTML and passages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyExcerpt, relevel, talkFinder, termFinder, topicFinder } from '../../src/lib/brief.ts';
import type { Event, Passage } from '../../src/lib/catalog.ts';
import { matrixColumns, passageAnchor, planTopic } from '../../src/lib/topic-pages.ts';

const find = termFinder(['warm pool', 'CRD']);

describe('key excerpts pick the blocks that carry the topic', () => {
  test('only the paragraphs with a term are kept, in order, with the terms marked', () => {
    const html = '<p>Coffee first.</p><p>The warm pool was small.</p><p>Lunch.</p><p>Two CRDs later.</p>';
    const ex = keyExcerpt(html, find);
    assert.equal(ex.html, '<p>The <mark>warm pool</mark> was small.</p><p>Two <mark>CRDs</mark> later.</p>');
    assert.deepEqual([ex.matched, ex.total, ex.shown], [true, 2, 2]);
  });

  test('terms match whole words in any case, with a plural “s”, never inside another word', () => {
    assert.equal(keyExcerpt('<p>Warm Pools rock.</p>', find).html, '<p><mark>Warm Pools</mark> rock.</p>');
    assert.equal(keyExcerpt('<p>CRDish things.</p><p>Other.</p>', find).matched, false);
  });

  test('list items are kept inside a copy of their list; an ordered list keeps the item’s number', () => {
    const html = '<ol><li>Setup</li><li>Resize the warm pool</li><li>Done</li></ol>';
    assert.equal(keyExcerpt(html, find).html, '<ol><li value="2">Resize the <mark>warm pool</mark></li></ol>');
  });

  test('a nested item is judged on its own, and an item is taken without its nested list', () => {
    const html = '<ul><li>Databases<ul><li>A CRD for backups</li><li>Nothing here</li></ul></li><li>The warm pool<ul><li>noise</li></ul></li></ul>';
    assert.equal(keyExcerpt(html, find).html, '<ul><li>A <mark>CRD</mark> for backups</li></ul><ul><li>The <mark>warm pool</mark></li></ul>');
  });

  test('links and code keep their markup, with the mark inside', () => {
    const html = '<p>See <a href="/tools/x/">the CRD docs</a> and <code>crd</code>.</p>';
    assert.equal(keyExcerpt(html, find).html, '<p>See <a href="/tools/x/">the <mark>CRD</mark> docs</a> and <code><mark>crd</mark></code>.</p>');
  });

  test('an editor’s note block is never the excerpt, even when it names a term', () => {
    const html = '<div class="ed-wrap"><p>Plain words.</p><p class="ed-note ed-block"><strong>Editor’s note:</strong> a CRD.</p></div>';
    assert.equal(keyExcerpt(html, find).matched, false);
  });

  test('an inline editor’s note and a correction marker stay out of the excerpt; the corrected words stay', () => {
    const html =
      '<p>The warm pool, <span class="ed"><ins>resized</ins><span class="ed-note"> [Editor’s note: the captured text reads “resised”.]</span></span> nightly.' +
      ' <span class="ed"><ins>Quick</ins><a class="ed-ref" href="#ed-note-1"><span aria-hidden="true">1</span></a></span> too.</p>';
    assert.equal(keyExcerpt(html, find).html, '<p>The <mark>warm pool</mark>, <span class="ed"><ins>resized</ins></span> nightly. <span class="ed"><ins>Quick</ins></span> too.</p>');
  });

  test('a note’s words neither make a paragraph match nor start a cut-down excerpt', () => {
    const note = '<span class="ed-note">[Editor’s note: The photo of the CRD is not preserved.]</span>';
    assert.equal(keyExcerpt(`<p>Plain words. ${note}</p>`, find).matched, false);
    const long = `<p>${'Filler words here. '.repeat(20)}Spain. ${note} Hallway talk about the warm pool went on.</p>`;
    assert.doesNotMatch(keyExcerpt(long, find).html, /preserved|Editor/);
  });

  test('with nothing matching, the excerpt is the first paragraph, unmarked', () => {
    const ex = keyExcerpt('<h5>Intro</h5><p>First words.</p><p>Second.</p>', termFinder(['absent']));
    assert.deepEqual(ex, { html: '<p>First words.</p>', matched: false, total: 0, shown: 1 });
  });

  test('many matching blocks: the densest are kept within the character budget and the rest counted', () => {
    const long = `<p>${'Filler words go on. '.repeat(10)}One CRD.</p>`;
    const html = `${long}<p>A CRD and a CRD.</p>${long}`;
    const ex = keyExcerpt(html, find, { chars: 100 });
    assert.equal(ex.shown, 1);
    assert.equal(ex.total, 3);
    assert.equal(ex.html, '<p>A <mark>CRD</mark> and a <mark>CRD</mark>.</p>');
  });

  test('a long paragraph is cut to whole sentences from its first term, with “…” where text was left out', () => {
    const html = `<p>${'Before this. '.repeat(5)}The <em>warm pool</em> grew. It grew again. ${'After that. '.repeat(10)}</p>`;
    const ex = keyExcerpt(html, find, { sentences: 40 });
    assert.equal(ex.html, '<p><span class="elided">… </span>The <em><mark>warm pool</mark></em> grew. It grew again.<span class="elided"> …</span></p>');
  });
});

describe('finders for topics and talks', () => {
  const tools = [
    { id: 'operatorhub', match: ['OperatorHub'] },
    { id: 'helm', match: [{ text: 'Helm', case: 'sensitive' as const, code: false }] },
  ];
  test('a topic is carried by its terms and by the tools its summary names', () => {
    const f = topicFinder({ title: 'Operators', summary: 'Where to find them (OperatorHub).', terms: ['operator'] }, tools);
    assert.equal(keyExcerpt('<p>On OperatorHub today.</p>', f).matched, true);
    assert.equal(keyExcerpt('<p>Helm charts.</p>', f).matched, false, 'Helm is not named by the topic');
  });
  test('a topic without terms still works (fallback excerpts)', () => {
    assert.equal(keyExcerpt('<p>Anything.</p>', topicFinder({ title: 'Cold starts', summary: 'Waiting.' }, tools)).matched, false);
  });
  test('a talk is carried by its speakers’ names', () => {
    const f = talkFinder({ title: 'Packaging with Helm', speakers: [{ name: 'Ada Quist' }] }, tools);
    assert.equal(keyExcerpt('<p>Intro.</p><p>Then Quist showed Helm.</p>', f).html, '<p>Then <mark>Quist</mark> showed <mark>Helm</mark>.</p>');
  });
});

test('quoted sections’ headings are re-levelled to sit just below the passage heading, in order', () => {
  assert.equal(relevel('<h5>A</h5><p>x</p><h6>B</h6>', 3), '<h4>A</h4><p>x</p><h5>B</h5>');
  assert.equal(relevel('<h5>A</h5>', 4), '<h5>A</h5>');
  assert.equal(relevel('<p>none</p>', 3), '<p>none</p>');
});

const event = (id: string, year: number, month = 5): Event =>
  ({ id, shortName: id, year, start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month, 2)) }) as Event;
/** A passage of `size` bytes of HTML from report `rid` at `ev`, section `sid`. */
function passage(rid: string, ev: Event, sid: string, size = 1000): Passage {
  const section = { id: sid, depth: 2, title: sid, html: 'x'.repeat(size) };
  return { report: { id: rid, event: ev, sections: [section] }, section } as unknown as Passage;
}

describe('topic pages split by year within the page budget, with stable anchors', () => {
  const e19 = event('summit-2019', 2019);
  const e23a = event('day-2023', 2023, 3);
  const e23b = event('summit-2023', 2023, 6);
  const passages = [passage('r3', e23b, 's'), passage('r1', e19, 's'), passage('r2', e23a, 's'), passage('r4', e23b, 't')];
  const size = (p: Passage) => p.section.html.length;

  test('each year has a page; passages are in event date then report id order; anchors are report--section', () => {
    const plan = planTopic(passages, { size });
    assert.deepEqual(plan.pages.map((p) => [p.path, p.passages.map((x) => x.anchor)]), [
      ['2019/', ['r1--s']],
      ['2023/', ['r2--s', 'r3--s', 'r4--t']],
    ]);
    assert.equal(passageAnchor(passages[0]!), 'r3--s');
    assert.deepEqual(plan.years.map((y) => [y.year, y.count, y.events.map((e) => `${e.event.id}:${e.count}@${e.href}`)]), [
      [2023, 3, ['day-2023:1@2023/#event-day-2023', 'summit-2023:2@2023/#event-summit-2023']],
      [2019, 1, ['summit-2019:1@2019/#event-summit-2019']],
    ]);
  });

  test('a year over the budget continues on numbered pages, and an event’s link goes to its first page', () => {
    const plan = planTopic(passages, { size, pageBudget: 2000 });
    assert.deepEqual(plan.pages.map((p) => [p.path, p.number, p.of, p.passages.length]), [
      ['2019/', 1, 1, 1],
      ['2023/', 1, 2, 2],
      ['2023/2/', 2, 2, 1],
    ]);
    assert.equal(plan.years[0]!.events.find((e) => e.event.id === 'summit-2023')!.href, '2023/#event-summit-2023');
  });

  test('a passage bigger than the budget still gets a page of its own', () => {
    const plan = planTopic([passage('big', e19, 's', 5000), passage('small', e19, 't', 10)], { size, pageBudget: 1000 });
    assert.deepEqual(plan.pages.map((p) => p.passages.map((x) => x.anchor)), [['big--s'], ['small--t']]);
  });

  test('adding a passage in a later year moves no earlier passage', () => {
    const before = planTopic(passages, { size, pageBudget: 2000 }).all.map((p) => `${p.page}#${p.anchor}`);
    const after = planTopic([...passages, passage('r9', event('summit-2025', 2025), 's')], { size, pageBudget: 2000 }).all.map((p) => `${p.page}#${p.anchor}`);
    assert.deepEqual(after.slice(0, before.length), before);
  });

  test('the topic page shows the newest passages first, within its budget and count', () => {
    assert.deepEqual(planTopic(passages, { size }).front.map((p) => p.anchor), ['r3--s', 'r4--t', 'r2--s', 'r1--s']);
    assert.deepEqual(planTopic(passages, { size, frontBudget: 2500 }).front.map((p) => p.anchor), ['r3--s', 'r4--t']);
    assert.deepEqual(planTopic(passages, { size, frontMax: 1 }).front.map((p) => p.anchor), ['r3--s']);
    assert.deepEqual(planTopic(passages, { size, frontBudget: 10 }).front.map((p) => p.anchor), ['r3--s'], 'at least one');
  });
});

test('the matrix shows the most recent events with passages, in date order, and counts the earlier ones', () => {
  const events = [event('a', 2019), event('b', 2020), event('c', 2021), event('d', 2022), event('unused', 2023)];
  const { columns, earlier } = matrixColumns(events, new Set(['a', 'b', 'c', 'd']), 2);
  assert.deepEqual(columns.map((e) => e.id), ['c', 'd']);
  assert.deepEqual(earlier.map((e) => e.id), ['a', 'b']);
});
