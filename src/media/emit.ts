/**
 * Publishes the images the built pages use: after Astro has written the pages, every
 * `_astro/img/<digest>-<width>.<ext>` they name is encoded from the report's photo (resized, EXIF
 * orientation applied, all metadata left out: sharp keeps none unless asked) into a cache by name,
 * then copied into the site. The names hold the content's digest, so a rebuild encodes only new or
 * changed photos. Pages copied by Astro's incremental build are read like fresh ones. Every file
 * published is read back: it must decode at its width and carry no EXIF, XMP or IPTC block.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { filesUnder } from '../paths.ts';
import { config } from '../config.ts';
import { encoding, imageDigest, imageDir, isImageFile, variantName, variantPattern, type Variant } from './images.ts';

/** IMAGE_CACHE_DIR moves it (e.g. to measure a build with an empty cache); deleting it is always safe. */
export const imageCacheDir = config.imageCacheDir;

/** Every published image name the site's pages use, by digest. */
function namesUsed(site: string): Map<string, Variant[]> {
  const used = new Map<string, Map<string, Variant>>();
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    for (const [, digest, width, ext] of readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(variantPattern)) {
      const variants = used.get(digest!) ?? new Map<string, Variant>();
      variants.set(`${width}.${ext}`, { width: Number(width), ext: ext as Variant['ext'] });
      used.set(digest!, variants);
    }
  }
  return new Map([...used].map(([digest, variants]) => [digest, [...variants.values()]]));
}

/** Encodes one variant of `source` to `path` (written beside it, then renamed: never half a file). */
async function encode(source: string, { width, ext }: Variant, path: string) {
  const image = sharp(source, { limitInputPixels: false }).autoOrient().resize({ width, withoutEnlargement: true });
  const encoded = ext === 'webp' ? image.webp({ quality: encoding.modern.quality, effort: encoding.modern.effort }) : ext === 'png' ? image.png(encoding.png) : image.jpeg(encoding.jpeg);
  const partial = `${path}.${process.pid}.partial`;
  await encoded.toFile(partial);
  renameSync(partial, path);
}

/** The photos under `reportsDir` by digest: where each published name's pixels come from. */
export function photoSources(reportsDir: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const file of filesUnder(reportsDir).filter(isImageFile)) sources.set(imageDigest(file), file);
  return sources;
}

/** The cached file of one variant of `source`, encoded now if the cache does not hold it; `encoded` says which. */
export async function cachedVariant(digest: string, variant: Variant, source: string): Promise<{ path: string; encoded: boolean }> {
  const path = join(imageCacheDir, variantName(digest, variant));
  if (existsSync(path)) return { path, encoded: false };
  mkdirSync(imageCacheDir, { recursive: true });
  await encode(source, variant, path);
  return { path, encoded: true };
}

export interface EmitResult {
  published: number;
  encoded: number;
}

/**
 * Publishes into `site` (a built site) every image its pages name, from the photos under
 * `reportsDir`. Throws, in our words, when a page names an image no photo has (the photo changed
 * during the build) or a published file fails its reading back.
 */
export async function emitImages(site: string, reportsDir: string): Promise<EmitResult> {
  const used = namesUsed(site);
  if (!used.size) return { published: 0, encoded: 0 };
  const sources = photoSources(reportsDir);
  mkdirSync(join(site, imageDir), { recursive: true });
  const jobs = [...used].flatMap(([digest, variants]) => {
    const source = sources.get(digest);
    if (!source) throw new Error(`${imageDir}/${digest}-…: image: expected the photo a page shows under ${relative('.', reportsDir)}/, found none with its content; it changed during the build: build again`);
    return variants.map((variant) => ({ digest, variant, source }));
  });
  let encoded = 0;
  await eachAtOnce(jobs, workers, async ({ digest, variant, source }) => {
    const cached = await cachedVariant(digest, variant, source);
    if (cached.encoded) encoded += 1;
    const out = join(site, imageDir, variantName(digest, variant));
    copyFileSync(cached.path, out);
    const meta = await sharp(out).metadata().catch(() => undefined);
    if (!meta || meta.width !== variant.width || meta.exif || meta.xmp || meta.iptc) {
      throw new Error(`${relative('.', out)}: image: expected a ${variant.width} px wide image without EXIF, XMP or IPTC data, found ${meta ? `one ${meta.width} px wide${meta.exif || meta.xmp || meta.iptc ? ' with metadata' : ''}` : 'a file no image reader understands'}; delete ${relative('.', imageCacheDir)}/ and build again`);
    }
  });
  return { published: jobs.length, encoded };
}

/**
 * Files encoded at once: one a core. An encoder is mostly one thread (zlib, a WebP pass), so a
 * photo's files one after another, photos one at a time, left a core idle; more than one a core
 * only adds memory.
 */
const workers = availableParallelism();

/** Runs `task` on every item, `limit` at a time; the first failure stops taking new items and rejects. */
async function eachAtOnce<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
