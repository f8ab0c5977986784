import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sectionWords } from '../../src/lib/words.ts';
import {
  barTenths,
  byYearDesc,
  countWords,
  markMention,
  markSpan,
  pageHref,
  pageParam,
  paginate,
  readingMinutes,
  reportReadingMinutes,
  sentenceHref,
  textDirective,
  timeline,
  titleNeedsContext,
} from '../../src/lib/lists.ts';

describe('reading time', () => {
  test('counts words of HTML, not tags, entities or punctuation', () => {
    assert.equal(countWords('<p>Hello <a href="/x">big</a> world &mdash; again.</p><ul><li>one</li></ul>'), 5);
    assert.equal(countWords('<style>.a{b:c}</style><p>— …</p>'), 0);
  });
  test('rounds to minutes, at least one', () => {
    assert.equal(readingMinutes(0), 1);
    assert.equal(readingMinutes(230 * 4), 4);
    assert.equal(readingMinutes(230 * 4 + 200), 5);
  });
  test('a report counts its ## sections only (they hold their ### subsections), in its record', () => {
    const words = (n: number) => `<p>${'word '.repeat(n)}</p>`;
    const sections = [{ depth: 2, html: words(460) }, { depth: 3, html: words(460) }, { depth: 2, html: words(230) }];
    assert.equal(sectionWords(sections), 690);
    assert.equal(reportReadingMinutes({ record: { words: sectionWords(sections) } }), 3);
  });
});

test('titles that say little get context', () => {
  assert.equal(titleNeedsContext('KubeCon', ['KubeCon EU 2022', 'KubeCon + CloudNativeCon Europe 2022']), true);
  assert.equal(titleNeedsContext('KubeCon EU 2022', ['KubeCon EU 2022']), true);
  assert.equal(titleNeedsContext('Day one', ['Lantern 2023']), true);
  assert.equal(titleNeedsContext('What we learned about operators at KubeCon', ['KubeCon EU 2022']), false);
});

test('byYearDesc groups newest year first and keeps order inside a year', () => {
  const items = [{ y: 2019, n: 'a' }, { y: 2023, n: 'b' }, { y: 2019, n: 'c' }, { y: 2025, n: 'd' }, { y: 2023, n: 'e' }];
  assert.deepEqual(
    byYearDesc(items, (i) => i.y).map((g) => [g.year, g.items.map((i) => i.n).join('')]),
    [[2025, 'd'], [2023, 'be'], [2019, 'ac']],
  );
});

describe('paging', () => {
  test('splits into pages of at most size, numbered from 1', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    assert.deepEqual(pages.map((p) => p.items), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(pages.map((p) => [p.number, p.pages]), [[1, 3], [2, 3], [3, 3]]);
    assert.equal(paginate([], 10).length, 1);
    assert.throws(() => paginate([1], 0));
  });
  test('page 1 is the list address itself, later pages a numbered folder under it', () => {
    assert.equal(pageHref('/years/2022/', 1), '/years/2022/');
    assert.equal(pageHref('/years/2022/', 3), '/years/2022/3/');
    assert.equal(pageParam(1), undefined);
    assert.equal(pageParam(2), '2');
  });
});

test('timeline counts by year and event, newest first', () => {
  const e = (id: string, iso: string) => ({ id, year: Number(iso.slice(0, 4)), start: new Date(iso) });
  const a = e('a-2019', '2019-05-01');
  const b = e('b-2023', '2023-04-01');
  const c = e('c-2023', '2023-10-01');
  const t = timeline([a, b, c, c, a, c], (x) => x);
  assert.deepEqual(t.years, [{ key: 2023, count: 4 }, { key: 2019, count: 2 }]);
  assert.deepEqual(t.events.map((x) => [x.key.id, x.count]), [['c-2023', 3], ['b-2023', 1], ['a-2019', 2]]);
  assert.equal(t.maxYear, 4);
  assert.equal(t.maxEvent, 3);
  assert.equal(barTenths(4, 4), 10);
  assert.equal(barTenths(1, 40), 1, 'a bar never vanishes');
  assert.equal(barTenths(2, 4), 5);
});

test('markSpan cuts a sentence around the mention, or gives up when out of range', () => {
  assert.deepEqual(markSpan('We used Helm a lot.', { index: 8, length: 4 }), { before: 'We used ', mark: 'Helm', after: ' a lot.' });
  assert.equal(markSpan('short', { index: 3, length: 9 }), undefined);
  assert.equal(markSpan('short', undefined), undefined);
});

describe('links to a sentence', () => {
  test('short sentences are quoted whole, with -, & and , encoded', () => {
    assert.equal(textDirective('Argo-CD, Flux & co.'), ':~:text=Argo%2DCD%2C%20Flux%20%26%20co.');
  });
  test('long sentences as first and last words', () => {
    const s = 'one two three four five six seven eight nine ten eleven twelve';
    assert.equal(textDirective(s), ':~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve');
  });
  test('the section id comes first, as the fallback', () => {
    assert.equal(sentenceHref('/reports/x/', 'operators', 'Helm rocks.'), '/reports/x/#operators:~:text=Helm%20rocks.');
    assert.equal(sentenceHref('/reports/x/', undefined, 'Helm rocks.'), '/reports/x/#:~:text=Helm%20rocks.');
    assert.equal(sentenceHref('/reports/x/', undefined, ''), '/reports/x/');
  });
});

test('markMention marks the tool’s own spelling, case-insensitively unless told otherwise', () => {
  const helm = { id: 'helm', match: ['Helm', { text: 'helm install', code: true, case: 'sensitive' as const }] };
  assert.deepEqual(markMention('We let helm do it.', helm), { before: 'We let ', mark: 'helm', after: ' do it.' });
  assert.equal(markMention('Nothing here.', helm), undefined);
  const nib = { id: 'nib', match: [{ text: 'nib', code: true, case: 'sensitive' as const }] };
  assert.equal(markMention('run nib now', nib)?.mark, 'nib', 'a code-only spelling still marks a sentence taken from code');
});
