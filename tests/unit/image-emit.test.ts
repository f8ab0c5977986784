/**
 * Publishing photos (src/media/emit.ts) on a made-up site and reports folder: only the files the
 * pages name, encoded once and then taken from the cache (a rebuild encodes only a changed photo),
 * each without metadata, and a page naming a photo that is not there stops with our message.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import sharp from 'sharp';

const root = mkdtempSync(join(tmpdir(), 'hallway-emit-'));
after(() => rmSync(root, { recursive: true, force: true }));
process.env.IMAGE_CACHE_DIR = join(root, 'cache');
const { emitImages } = await import('../../src/media/emit.ts');
const { imageInfo, variantsOf, variantUrl } = await import('../../src/media/images.ts');

const reports = join(root, 'reports');
mkdirSync(reports);
const photo = (colour: string) =>
  sharp({ create: { width: 1000, height: 600, channels: 3, background: colour } }).jpeg().withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } }).toBuffer();

/** A built site whose one page shows the photo at `path` as the pipeline writes it; its folder. */
function siteShowing(path: string, name: string) {
  const info = imageInfo(path);
  const site = join(root, name);
  mkdirSync(site);
  const urls = variantsOf(info).map((v) => variantUrl('/', info.digest, v));
  writeFileSync(join(site, 'index.html'), `<picture>${urls.map((u) => `<img src="${u}">`).join('')}</picture>`);
  return { site, urls };
}

test('publishes exactly the files the pages name, without metadata; a rebuild encodes only a changed photo', async () => {
  writeFileSync(join(reports, 'stage.jpg'), await photo('#335577'));
  const first = siteShowing(join(reports, 'stage.jpg'), 'site-1');
  // 1000 px wide: WebP at 480, 960 and 1000; JPEG at 960 (the fallback src) and 1000 (the full-size link).
  assert.equal(first.urls.length, 5);
  assert.deepEqual(await emitImages(first.site, reports), { published: 5, encoded: 5 });
  assert.deepEqual(readdirSync(join(first.site, '_astro', 'img')).length, first.urls.length);
  for (const url of first.urls) {
    const meta = await sharp(join(first.site, url)).metadata();
    assert.equal(meta.exif, undefined, url);
  }

  const again = siteShowing(join(reports, 'stage.jpg'), 'site-2');
  assert.deepEqual(await emitImages(again.site, reports), { published: 5, encoded: 0 }, 'all from the cache');

  // A different photo under the same name: new names, encoded once.
  await new Promise((resolve) => setTimeout(resolve, 20));
  writeFileSync(join(reports, 'stage.jpg'), await photo('#775533'));
  const changed = siteShowing(join(reports, 'stage.jpg'), 'site-3');
  assert.notDeepEqual(changed.urls, first.urls);
  assert.deepEqual(await emitImages(changed.site, reports), { published: 5, encoded: 5 });
});

test('a page naming a photo that is not there stops the build with our message', async () => {
  const site = join(root, 'site-missing');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<img src="/_astro/img/0123456789abcdef0123-480.webp">');
  await assert.rejects(emitImages(site, reports), (error: Error) => {
    assert.match(error.message, /^_astro\/img\/0123456789abcdef0123-…: image: expected the photo a page shows under .*reports\/, found none with its content; it changed during the build: build again$/);
    return true;
  });
  assert.ok(!existsSync(join(site, '_astro', 'img', '0123456789abcdef0123-480.webp')));
});

test('a PNG that may be transparent keeps a PNG fallback; an opaque one, like a photo, falls back to JPEG', async () => {
  const png = (alpha: number) => sharp({ create: { width: 700, height: 400, channels: alpha < 1 ? 4 : 3, background: { r: 40, g: 90, b: 160, alpha } } }).png().toBuffer();
  writeFileSync(join(reports, 'diagram.png'), await png(0.5));
  writeFileSync(join(reports, 'screenshot.png'), await png(1));
  const names = (file: string) => variantsOf(imageInfo(join(reports, file))).map((v) => `${v.width}.${v.ext}`);
  assert.deepEqual(names('diagram.png'), ['480.webp', '700.webp', '700.png']);
  assert.deepEqual(names('screenshot.png'), ['480.webp', '700.webp', '700.jpg']);
  const { site } = siteShowing(join(reports, 'diagram.png'), 'site-alpha');
  await emitImages(site, reports);
  const published = readdirSync(join(site, '_astro', 'img')).find((f) => f.endsWith('.png'))!;
  assert.equal((await sharp(join(site, '_astro', 'img', published)).metadata()).hasAlpha, true, 'the transparency is kept');
});
