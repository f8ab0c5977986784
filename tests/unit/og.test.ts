/**
 * Open Graph cards: what they say (src/lib/og-card.ts), that they draw to 1200×630 PNGs, and that
 * the content cache draws only what changed (src/og/render.ts), counted by files written.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cardKey, cardTree, clip, eventCard, firstSentence, ogImagePath, titleSize, topicCard, type OgCard } from '../../src/lib/og-card.ts';
import { ensureImages, renderCard } from '../../src/og/render.ts';
import { pngSize } from '../helpers/png.ts';

/** A card to draw: an event's (report pages show their event's card). */
const card = (title: string, city = 'Brackenford') => eventCard({ name: title, city, year: 2023, start: new Date('2023-06-12'), end: new Date('2023-06-14') });

describe('card text', () => {
  test('an event card says city · dates; a topic card its summary', () => {
    const event = eventCard({ name: 'Lantern Summit 2023', city: 'Brackenford', year: 2023, start: new Date('2023-06-12'), end: new Date('2023-06-14') });
    assert.deepEqual([event.kind, event.title], ['Event', 'Lantern Summit 2023']);
    assert.match(event.context, /^Brackenford · 12\s?–\s?14 June 2023$/);
    assert.deepEqual(topicCard({ title: 'Release trains', summary: 'Shipping on a timetable.' }), { kind: 'Topic', title: 'Release trains', context: 'Shipping on a timetable.' });
  });

  test('a topic card says the first sentence of the summary, when it is long enough to say something', () => {
    const summary = 'Extending Kubernetes with custom resource definitions and controllers. The reports cover what teams built.';
    assert.equal(topicCard({ title: 'Operators', summary }).context, 'Extending Kubernetes with custom resource definitions and controllers.');
    assert.equal(firstSentence('Short one. Then a second sentence that is longer than forty characters.'), 'Short one. Then a second sentence that is longer than forty characters.');
    assert.equal(firstSentence('Tools for platform teams, e.g. Backstage and Crossplane, and what they cost.'), 'Tools for platform teams, e.g. Backstage and Crossplane, and what they cost.');
  });

  test('long text is clipped at a word with an ellipsis; short text is kept whole', () => {
    assert.equal(clip('short  text', 20), 'short text');
    const long = 'word '.repeat(60).trim();
    const clipped = clip(long, 50);
    assert.ok(clipped.length <= 50, clipped);
    assert.match(clipped, /^(word )+word…$/);
    assert.ok(card('x '.repeat(200)).title.length <= 110);
  });

  test('longer titles get smaller type', () => {
    assert.ok(titleSize('Short') > titleSize('A title of about sixty characters, which wraps onto two lines'));
    assert.ok(titleSize('x'.repeat(60)) > titleSize('x'.repeat(100)));
  });

  test('the image path follows the page kind', () => {
    assert.equal(ogImagePath('Topic', 'b'), 'og/topics/b.png');
    assert.equal(ogImagePath('Event', 'c'), 'og/events/c.png');
  });

  test('the layout shows site name, kind, title and context', () => {
    const one = card('Day one');
    const text = JSON.stringify(cardTree(one));
    for (const part of ['Hallway Track', 'Event', 'Day one', one.context]) assert.ok(text.includes(JSON.stringify(part)), part);
  });

  test('the cache key changes with the text and the fonts, and only with them', () => {
    const one = card('Day one');
    assert.equal(cardKey(one, 'f1'), cardKey({ ...one }, 'f1'));
    assert.notEqual(cardKey(one, 'f1'), cardKey({ ...one, title: 'Day two' }, 'f1'));
    assert.notEqual(cardKey(one, 'f1'), cardKey({ ...one, context: 'Someone else' }, 'f1'));
    assert.notEqual(cardKey(one, 'f1'), cardKey({ ...one, kind: 'Topic' }, 'f1'));
    assert.notEqual(cardKey(one, 'f1'), cardKey(one, 'f2'));
  });
});

describe('drawing and the content cache', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  after(() => rmSync(cacheDir, { recursive: true, force: true }));
  const cards: OgCard[] = [
    card('Day one'),
    card('Day two', 'Tomasz Berg'),
    topicCard({ title: 'Release trains', summary: 'Shipping on a timetable.' }),
    eventCard({ name: 'Lantern Summit 2023', city: 'Brackenford', year: 2023, start: new Date('2023-06-12'), end: new Date('2023-06-14') }),
  ];

  test('a card draws to a 1200×630 PNG, also with text outside Latin-1', async () => {
    assert.deepEqual(pngSize(await renderCard(card('Łódź, València and Zürich: a ﬁeld report', 'Ça Ğül'))), { width: 1200, height: 630 });
  });

  test('Latin-1 and Latin Extended letters have glyphs (they do not draw as the missing-glyph box)', async () => {
    const draw = async (title: string) => Buffer.from(await renderCard({ kind: 'Topic', title, context: title })).toString('base64');
    const missing = await draw('\ue000\ue000\ue000');
    for (const letters of ['ééé', 'ŁŁŁ', 'ĞĞĞ']) assert.notEqual(await draw(letters), missing, letters);
  });

  test('a first build draws every card; a second draws none; after one edit only that card is drawn', async () => {
    const first = await ensureImages(cards, { cacheDir });
    assert.deepEqual([first.written, first.cached], [cards.length, 0]);
    assert.equal(readdirSync(cacheDir).length, cards.length);
    for (const file of first.files) assert.ok(file.startsWith(cacheDir));

    const second = await ensureImages(cards, { cacheDir });
    assert.deepEqual([second.written, second.cached], [0, cards.length]);
    assert.deepEqual(second.files, first.files);

    const edited = cards.map((c, i) => (i === 1 ? { ...c, title: 'Day two, revised' } : c));
    const third = await ensureImages(edited, { cacheDir });
    assert.deepEqual([third.written, third.cached], [1, cards.length - 1]);
    assert.notEqual(third.files[1], first.files[1], 'the edited card has a new image');
    assert.deepEqual(third.files.filter((_, i) => i !== 1), first.files.filter((_, i) => i !== 1), 'the others keep theirs');
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.png')).length, cards.length + 1);
    assert.deepEqual(readdirSync(cacheDir).filter((f) => !f.endsWith('.png')), [], 'no partial files left');
  });
});

describe('drawing in worker threads', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  after(() => rmSync(cacheDir, { recursive: true, force: true }));

  test('two threads draw each missing card once, and none that is cached', async () => {
    const cards = Array.from({ length: 9 }, (_, i) => card(`Event ${i}`));
    const first = await ensureImages(cards.slice(0, 1), { cacheDir });
    assert.equal(first.written, 1);
    const all = await ensureImages([...cards, cards[3]!], { cacheDir, threads: 2 });
    assert.deepEqual([all.written, all.cached], [8, 2]);
    const pngs = readdirSync(cacheDir);
    assert.equal(pngs.length, 9);
    for (const file of all.files) assert.ok(pngs.includes(file.slice(cacheDir.length + 1)), file);
  });
});
