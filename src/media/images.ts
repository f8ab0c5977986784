/**
 * Local images of reports: a photo saved beside `content/reports/<id>.mdx` (or in `./<id>/`) and
 * written `![alt](./slide.jpg "caption")`. This module says which files are images, where a
 * reference leads, what an image is (digest, size, format) and which files the site publishes for
 * it; src/markdown/rehype-images.ts writes the markup, src/media/emit.ts encodes and publishes them.
 *
 * Published names are content-addressed (`_astro/img/<digest>-<width>.<ext>`, the digest of the
 * file's bytes and of the encoding settings), so hosts cache them for a year (src/deploy/policy.ts
 * caches `_astro/` as immutable) and a rebuild encodes only what changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { imageMetadata } from './metadata.ts';

/** Formats a report may use, by what the file really holds (sharp's name), with the extensions people give them. */
export const imageFormats = { jpeg: ['.jpg', '.jpeg'], png: ['.png'], webp: ['.webp'], avif: ['.avif'] } as const;
export type ImageFormat = keyof typeof imageFormats;
const extensions = new Set<string>(Object.values(imageFormats).flat());

/** Extensions of files that are images we refuse when referenced (so a report names the problem, not the file name check). */
const otherImageExtensions = new Set(['.gif', '.heic', '.heif', '.tif', '.tiff', '.bmp', '.svg', '.jxl']);

/** True for a file in a reports folder that is an image (a report's photo, not a report). */
export const isImageFile = (file: string) => extensions.has(extname(file).toLowerCase()) || otherImageExtensions.has(extname(file).toLowerCase());

/** The largest file a report may hold: a phone photo (4–8 MB) fits; a camera's RAW-sized export does not. */
export const maxImageBytes = 15 * 2 ** 20;
/** The largest picture in pixels (width × height): 50 megapixels, past every phone; decoding more costs memory. */
export const maxImagePixels = 50_000_000;

/**
 * Widths written for `srcset` (never wider than the photo): the article column is 42rem (672 px), so
 * 480 for phones, 960 and 1600 for wider and denser screens. The full-size link is the photo's own width.
 */
export const imageWidths = [480, 960, 1600] as const;
/** `sizes` for the article column (src/layouts: 42rem wide, less the page margins on a phone). */
export const imageSizes = '(min-width: 45rem) 42rem, calc(100vw - 2rem)';

/**
 * The encoding settings; part of every digest, so changing one re-encodes every image. WebP rather
 * than AVIF: every browser we support shows it, and libvips encodes it several times faster, which
 * matters on a build at thousands of photos (AVIF's smaller files did not pay for that). WebP at
 * effort 2 rather than libwebp's default 4: half the time for files 8 to 18 % larger, which keeps a
 * cold build at 1,000 reports with photos faster than Starlight's (effort 3 costs what 4 does).
 * Every photo is encoded once: the cache keeps it for every later build. The
 * fallback files (for a browser without WebP, and the full-size link) are fetched rarely, so they
 * are encoded for speed: libjpeg-turbo rather than mozjpeg (3× faster at 960 px, files about a
 * quarter larger) and zlib's usual PNG level rather than 9 (3 to 4× faster on a photo saved as PNG,
 * within 2 % of its bytes). Measured in bench/profile.md.
 */
export const encoding = { version: 2, modern: { format: 'webp', quality: 78, effort: 2 }, jpeg: { quality: 82 }, png: { compressionLevel: 6 } } as const;
const settingsKey = JSON.stringify(encoding);

/**
 * The fallback format of an image (for a browser without WebP and for the full-size link): PNG for
 * an image with an alpha channel (a JPEG cannot be transparent), JPEG for the rest. The WebP every
 * browser we support shows is lossy already, and a photo saved as PNG is 5 to 15 times smaller as
 * a JPEG and encodes several times faster.
 */
export const fallbackOf = (info: Pick<ImageInfo, 'alpha'>) => (info.alpha ? 'png' : 'jpg');

export interface ImageInfo {
  /** Digest of the bytes and the encoding settings: the published files' names. */
  digest: string;
  /** Displayed size, after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** What the file holds (sharp's name), which may differ from its extension. */
  format: string;
  /** An alpha channel (the image may be transparent). */
  alpha: boolean;
  bytes: number;
}

const known = new Map<string, ImageInfo>();

/** The digest of an image file's bytes and the encoding settings: the name of its published files. */
export const imageDigest = (path: string) => createHash('sha256').update(settingsKey).update('\0').update(readFileSync(path)).digest('hex').slice(0, 20);

/**
 * What the image at `path` is; remembered per path, size and modification time for the process.
 * Throws when sharp cannot read it (the caller reports that as an unsupported format).
 */
export function imageInfo(path: string): ImageInfo {
  const stats = statSync(path);
  const key = `${path}\0${stats.size}\0${stats.mtimeMs}`;
  const seen = known.get(key);
  if (seen) return seen;
  const digest = imageDigest(path);
  const meta = stats.size > maxImageBytes ? { width: 0, height: 0, format: extname(path).slice(1).toLowerCase(), alpha: false } : imageMetadata(path);
  const info = { digest, ...meta, bytes: stats.size };
  known.set(key, info);
  return info;
}

/** One file published for an image. */
export interface Variant {
  width: number;
  ext: 'webp' | 'jpg' | 'png';
}

/** The `srcset` widths of an image `width` pixels wide: the standard widths below it, and its own width up to the largest. */
export const srcsetWidths = (width: number) => [...new Set([...imageWidths.filter((w) => w < width), Math.min(width, imageWidths.at(-1)!)])];

/**
 * The files a page names for `info`, by role: the `srcset` in WebP, which every browser we support
 * chooses; the fallback `src` for one that does not (the widest `srcset` width up to 960 px, which
 * suits most screens); and the full-size link, in the fallback format.
 */
export function pictureFiles(info: Pick<ImageInfo, 'width' | 'alpha'>): { srcset: Variant[]; src: Variant; full: Variant } {
  const widths = srcsetWidths(info.width);
  const ext = fallbackOf(info);
  return {
    srcset: widths.map((width): Variant => ({ width, ext: 'webp' })),
    src: { width: widths.filter((w) => w <= 960).at(-1) ?? widths[0]!, ext },
    full: { width: info.width, ext },
  };
}

/** Every file published for `info` (the `src` and the full size are one file when the photo is no wider than 960 px). */
export function variantsOf(info: Pick<ImageInfo, 'width' | 'alpha'>): Variant[] {
  const { srcset, src, full } = pictureFiles(info);
  return [...srcset, src, ...(full.width === src.width ? [] : [full])];
}

/** The published file's name, under `_astro/img/`. */
export const variantName = (digest: string, { width, ext }: Variant) => `${digest}-${width}.${ext}`;
export const imageDir = '_astro/img';
/** `_astro/img/<digest>-<width>.<ext>` as the site links it (`root` ends with "/"). */
export const variantUrl = (root: string, digest: string, variant: Variant) => `${root}${imageDir}/${variantName(digest, variant)}`;
/** Reads a published name back: digest, width, extension. */
export const variantPattern = /_astro\/img\/([0-9a-f]{20})-(\d+)\.(webp|jpg|png)/g;

/**
 * A key for the local images a report body names, for every cache of its HTML (the renderer's, the
 * loader's digest, a page's `cacheKey`): the HTML holds their digests and sizes, so replacing a photo
 * under the same name must render the body again. Every word of the body ending in an image
 * extension is tried as a path beside the report; a word that is none costs a failed `stat`.
 */
export function localImagesKey(file: string, body: string): string {
  const names = new Set(body.match(/[^\s()<>"'[\]]+\.(?:jpe?g|png|webp|avif|gif|heic|heif|tiff?|bmp|svg|jxl)\b/gi) ?? []);
  const keys: string[] = [];
  for (const name of [...names].sort()) {
    if (/^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(name)) continue;
    try {
      const path = resolve(dirname(file), decodeURIComponent(name));
      const stats = statSync(path);
      keys.push(`${name}:${stats.size}:${stats.mtimeMs}`);
    } catch {
      keys.push(`${name}:-`);
    }
  }
  return keys.join('\n');
}
