/**
 * Local photos in the fixture corpus's report lantern-2025-recap (tests/fixtures/corpus/reports/):
 * one captioned JPEG in the report's folder carrying a made-up GPS position, one PNG beside the
 * report without a caption. Read on the built sites at / and under /kb/.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { cacheRules } from '../../src/deploy/policy.ts';
import { fixture, fixtureKb, FIXTURE_CONTENT } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

const id = 'lantern-2025-recap';
const stageAlt = 'The forecasting talk on stage: a slide with three coloured bars, the tallest on the left';
const boardAlt = 'Whiteboard sketch: three pipeline stages in boxes, the last one red, with a dashed loop back to a shared green stage';
const source = join(FIXTURE_CONTENT, 'reports', id, 'stage.jpg');

/** Every address of a photo in `html`: the link, every srcset entry, the fallback src. */
const addresses = (html: string) => [...html.matchAll(/(?:src|href|srcset)="([^"]*_astro\/img[^"]*)"/g)].flatMap((m) => m[1]!.split(', ').map((entry) => entry.split(' ')[0]!));

test('the fixture photo carries EXIF with a GPS position (so the published copies are tested against one)', async () => {
  const meta = await sharp(source).metadata();
  assert.ok(meta.exif, 'no EXIF in the fixture');
  // Tag 0x8825 is the pointer to the GPS directory.
  assert.ok(meta.exif.includes(Buffer.from([0x88, 0x25])) || meta.exif.includes(Buffer.from([0x25, 0x88])), 'no GPS directory in the fixture');
});

for (const build of [fixture, fixtureKb]) {
  describe(build.name, () => {
    const site = openSite(build.dir, build.base);
    const page = site.page(`${build.base}reports/${id}/`);

    test('each photo is a picture: WebP sources with a fallback, width and height, lazy, async, alt text, linked to its full size', () => {
      const images = page.querySelectorAll('.article picture img');
      assert.deepEqual(images.map((img) => img.getAttribute('alt')), [stageAlt, boardAlt]);
      const [stage, board] = images;
      assert.deepEqual([stage!.getAttribute('width'), stage!.getAttribute('height'), board!.getAttribute('width'), board!.getAttribute('height')], ['1800', '1200', '800', '600']);
      for (const img of images) {
        assert.equal(img.getAttribute('loading'), 'lazy');
        assert.equal(img.getAttribute('decoding'), 'async');
        const source = img.parentNode!.querySelector('source')!;
        assert.ok(source.getAttribute('sizes'), 'sizes');
        assert.equal(source.getAttribute('type'), 'image/webp');
        assert.match(source.getAttribute('srcset')!, /-480\.webp 480w/);
        assert.equal(img.parentNode!.parentNode!.tagName, 'A', 'the picture is in a link');
      }
      assert.equal(stage!.getAttribute('srcset'), undefined, 'the fallback is one file: every browser we support reads the WebP source');
      assert.match(stage!.parentNode!.querySelector('source')!.getAttribute('srcset')!, new RegExp(`^${build.base}_astro/img/[0-9a-f]{20}-480\\.webp 480w, \\S+-960\\.webp 960w, \\S+-1600\\.webp 1600w$`));
      assert.match(stage!.getAttribute('src')!, /-960\.jpg$/, 'the fallback src is 960 px wide');
      assert.match(stage!.parentNode!.parentNode!.getAttribute('href')!, /-1800\.jpg$/, 'the link is the full size');
      assert.match(board!.getAttribute('src')!, /-800\.jpg$/, 'an opaque PNG gets a JPEG fallback, never wider than itself');
    });

    test('a captioned photo is a figure with its caption; one without stays a paragraph', () => {
      const figures = page.querySelectorAll('.article figure');
      assert.equal(figures.length, 1);
      assert.equal(figures[0]!.querySelector('figcaption')!.textContent, 'The forecasting talk, from the third row.');
      assert.equal(figures[0]!.querySelector('img')!.getAttribute('title'), undefined, 'the caption is not said twice');
      assert.equal(page.querySelectorAll('.article p.photo img').length, 1);
    });

    test('every photo address is under the base path and published, at its width, with no EXIF, GPS, XMP or IPTC data', async () => {
      const urls = [...new Set(addresses(page.innerHTML))];
      // The stage photo: WebP at 480, 960 and 1600, JPEG at 960 and 1800 (its full size); the board: WebP at 480 and 800, JPEG at 800.
      assert.equal(urls.length, 8, urls.join('\n'));
      for (const url of urls) {
        assert.ok(url.startsWith(`${build.base}_astro/img/`), url);
        const file = site.fileFor(url);
        assert.ok(file, `${url} is not in the build`);
        const bytes = readFileSync(file);
        const meta = await sharp(bytes).metadata();
        assert.equal(meta.width, Number(/-(\d+)\.\w+$/.exec(url)![1]), url);
        assert.deepEqual([meta.exif, meta.xmp, meta.iptc], [undefined, undefined, undefined], url);
        assert.ok(!bytes.includes('Exif\0\0') && !bytes.includes('Fixture Phone'), `${url} holds EXIF bytes`);
      }
    });

    test('the photos are cached by hosts as immutable (under _astro/)', () => {
      assert.deepEqual(cacheRules(build.dir).filter((r) => r.path === '_astro/').map((r) => r.cache), ['immutable']);
    });

    test('a topic page shows the figure in the full section, not in the key excerpt', () => {
      const passage = site.page(`${build.base}topics/capacity-planning/`).querySelectorAll('.passage').find((p) => p.innerHTML.includes(id))!;
      assert.equal(passage.querySelectorAll('.passage-body figure img').length, 1);
      assert.equal(passage.querySelectorAll('.key-excerpt img').length, 0);
      assert.ok(addresses(passage.innerHTML).every((url) => site.fileFor(url)), 'every address resolves');
    });

    test('search indexes the caption but never the alt text as prose (excerpts come from the indexed text)', () => {
      const dir = join(build.dir, 'pagefind', 'fragment');
      const fragments = readdirSync(dir).map((name) => JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; content: string });
      const text = fragments.map((f) => f.content).join('\n');
      assert.match(fragments.find((f) => f.url.endsWith(`/reports/${id}/`))!.content, /The forecasting talk, from the third row\./);
      assert.doesNotMatch(text, /three coloured bars|Whiteboard sketch/);
    });
  });
}
