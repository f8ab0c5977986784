/**
 * The check's image rules (src/media/image-rules.ts), run by the report pipeline on a made-up corpus
 * (tests/helpers/corpus.ts) holding made-up photos generated here with sharp: each refused case with
 * its exact message, and a good photo beside the report passing without one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { checkProblems } from '../helpers/check.ts';
import { report, withBody } from '../helpers/corpus.ts';

const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } });
const jpeg = await photo(640, 480).jpeg().toBuffer();
const gif = await photo(64, 48).gif().toBuffer();
const line = 20; // the first body line of the corpus's report
const at = `reports/first-visit.mdx:${line}: image:`;

/** The problems of the corpus with `body` in its report and `files` beside it (the temporary folder left out of messages too). */
const problems = (body: string, files: Record<string, Uint8Array> = {}) =>
  checkProblems({ [report]: withBody(body), ...Object.fromEntries(Object.entries(files).map(([name, data]) => [`reports/${name}`, data])) })
    .map((line) => line.replace(/[^ ]*hallway-corpus-[^/]+\//g, ''));

describe('image rules', () => {
  test('a photo beside the report, or in its folder, with alt text passes (and is no stray file of the reports folder)', () => {
    assert.deepEqual(problems('![Stage: a slide with three bars](./stage.jpg "From the third row.")\n\n![A whiteboard](./first-visit/board.jpg)', { 'stage.jpg': jpeg, 'first-visit/board.jpg': jpeg }), []);
  });

  test('an image from another host: save it beside the report', () => {
    assert.deepEqual(problems('![Stage](https://photos.example.com/2031/stage.jpg)'), [
      `${at} expected an image saved beside the report, found one from another host "https://photos.example.com/2031/stage.jpg"; save the file next to the report and write ![alt](./stage.jpg)`,
    ]);
  });

  test('a missing file names the nearest image file', () => {
    assert.deepEqual(problems('![Stage](./first-visit/stage.jpg)', { 'first-visit/stage.jpeg': jpeg }), [
      `${at} expected an image file at reports/first-visit/stage.jpg, found nothing there; did you mean "./first-visit/stage.jpeg"?`,
    ]);
  });

  test('a missing file with nothing near says to save it', () => {
    assert.deepEqual(problems('![Stage](./nothing-like-it.jpg)', { 'stage.jpg': jpeg }), [
      `${at} expected an image file at reports/nothing-like-it.jpg, found nothing there; save the image there, or correct the name`,
    ]);
  });

  test('an image outside the report\'s folder', () => {
    assert.deepEqual(problems('![Stage](../stage.jpg)', { '../stage.jpg': jpeg }), [
      `${at} expected an image beside the report (./name.jpg or ./<folder>/name.jpg), found "../stage.jpg", outside its folder; move the file next to the report`,
    ]);
  });

  const altFix = 'write what a reader would miss without it, e.g. ![Slide: the rollout in three stages, canary first](./slide.jpg)';
  test('no alt text, a placeholder or the file name: say what the image shows', () => {
    assert.deepEqual(problems('![](./stage.jpg)\n\n![Photo](./stage.jpg)\n\n![stage.jpg](./stage.jpg)', { 'stage.jpg': jpeg }), [
      `${at} expected alt text that says what the image shows, found none; ${altFix}`,
      `reports/first-visit.mdx:${line + 2}: image: expected alt text that says what the image shows, found the placeholder "Photo"; ${altFix}`,
      `reports/first-visit.mdx:${line + 4}: image: expected alt text that says what the image shows, found the file name "stage.jpg"; ${altFix}`,
    ]);
  });

  test('an unsupported format, or a file whose content is not what its name says', () => {
    assert.deepEqual(problems('![Stage](./stage.gif)\n\n![Board](./board.png)\n\n![Notes](./notes.jpg)', { 'stage.gif': gif, 'board.png': jpeg, 'notes.jpg': new TextEncoder().encode('not an image') }), [
      `${at} expected a JPEG, PNG, WebP or AVIF image, found a GIF file ("./stage.gif"); export it as JPEG (photos) or PNG (screenshots, diagrams)`,
      `reports/first-visit.mdx:${line + 2}: image: expected a JPEG, PNG, WebP or AVIF image, found a JPEG file named .png ("./board.png"); export it as JPEG (photos) or PNG (screenshots, diagrams)`,
      `reports/first-visit.mdx:${line + 4}: image: expected a JPEG, PNG, WebP or AVIF image, found a file no image reader understands ("./notes.jpg"); export it as JPEG (photos) or PNG (screenshots, diagrams)`,
    ]);
  });

  test('an image over the size limit says which limit', async () => {
    const huge = new Uint8Array(Buffer.concat([jpeg, Buffer.alloc(16 * 2 ** 20)]));
    // A small JPEG whose frame header says 10000 × 5200 (encoding 52 megapixels takes seconds; the check reads only the header).
    const wide = Buffer.from(await photo(100, 52).jpeg({ mozjpeg: false }).toBuffer());
    const frame = wide.indexOf(Buffer.from([0xff, 0xc0]));
    wide.writeUInt16BE(5200, frame + 5);
    wide.writeUInt16BE(10000, frame + 7);
    assert.deepEqual(problems('![Stage](./stage.jpg)\n\n![Panorama](./wide.jpg)', { 'stage.jpg': huge, 'wide.jpg': wide }), [
      `${at} expected an image of at most 15 MB, found 16.0 MB ("./stage.jpg"); export it smaller, 2,400 pixels wide is plenty`,
      `reports/first-visit.mdx:${line + 2}: image: expected an image of at most 50 megapixels, found 52.0 megapixels (10000 × 5200) ("./wide.jpg"); export it smaller, 2,400 pixels wide is plenty`,
    ]);
  });
});
