/**
 * The words of the check's rules for images in a report body, one exported function each; the rules
 * list names them (src/check/rules/images.ts: ids, examples). The report pipeline runs them on every image it meets
 * (src/markdown/rehype-images.ts, through `imageProblems`), so `npm run check`, `npm run build` and a
 * bare `astro build` refuse the same images with the same words. Each rule returns its message
 * (`expected …, found …; fix`) or nothing.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, relative } from 'node:path';
import { quoted } from '../lib/problems.ts';
import { nearest } from '../lib/suggest.ts';
import { imageFormats, isImageFile, maxImageBytes, maxImagePixels, type ImageInfo } from './images.ts';

/** One image of a report body, as far as it could be read. */
export interface ImageRef {
  /** The report file. */
  report: string;
  /** The image address as written (`./slide.jpg`). */
  url: string;
  /** The alt text, as written (undefined when none). */
  alt: string | undefined;
  /** The file it names (relative to the project), for a relative address. */
  path?: string;
  /** False when `path` names no file (or leaves the report's folder). */
  exists?: boolean;
  /** What the file holds, once read; `unreadable` when sharp could not read it. */
  info?: ImageInfo;
  unreadable?: string;
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/**
 * `image-remote`: an image must be a file of ours, not one from another host (the page's CSP would
 * block it, and loading it would tell that host who reads the report).
 * Message: `expected an image saved beside the report, found one from another host "https://…"; save the file next to the report and write ![alt](./name.jpg)`.
 * Fails: `![Stage](https://photos.example.com/stage.jpg)`.
 */
export function imageRemote({ url }: ImageRef): string | undefined {
  if (!/^https?:/i.test(url.trim())) return undefined;
  const name = basename(new URL(url.trim()).pathname) || 'photo.jpg';
  return `expected an image saved beside the report, found one from another host ${quoted(url)}; save the file next to the report and write ![alt](./${name})`;
}

/**
 * `image-folder`: an image is beside its report or in a sub-folder of it, so report and photos move together.
 * Message: `expected an image beside the report (./name.jpg or ./<folder>/name.jpg), found "../x.jpg", outside its folder; move the file next to the report`.
 * Fails: `![Stage](../photos/stage.jpg)`.
 */
export function imageFolder({ url, exists, path }: ImageRef): string | undefined {
  if (path !== undefined || exists !== false) return undefined;
  return `expected an image beside the report (./name.jpg or ./<folder>/name.jpg), found ${quoted(url)}, outside its folder; move the file next to the report`;
}

/**
 * `image-missing`: the file an image names exists. Says the nearest image file of that folder.
 * Message: `expected an image file at content/reports/x/stage.jpg, found nothing there; did you mean "./x/stage.jpeg"?`
 * (or `…; save the image there, or correct the name` when no file is close).
 * Fails: `![Stage](./x/stage.jpg)` when the folder holds `stage.jpeg`.
 */
export function imageMissing({ report, path, exists }: ImageRef): string | undefined {
  if (path === undefined || exists !== false) return undefined;
  const folder = dirname(path);
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter(isImageFile);
  } catch {
    // No such folder: nothing near.
  }
  const guess = nearest(basename(path), names);
  const shown = (name: string) => `./${relative(dirname(report), `${folder}/${name}`).split('\\').join('/')}`;
  return `expected an image file at ${path}, found nothing there; ${guess ? `did you mean ${quoted(shown(guess))}?` : 'save the image there, or correct the name'}`;
}

const placeholderAlt = /^(?:image|img|photo|picture|screenshot|slide|untitled)\s*\d*$/i;

/**
 * `image-alt`: every image says what it shows in its alt text, for readers who cannot see it (and
 * for search, which never shows it as prose). A file name or a word like "image" says nothing.
 * Message: `expected alt text that says what the image shows, found none; write what a reader would miss without it, e.g. ![Slide: the rollout in three stages, canary first](./slide.jpg)`
 * (`found the placeholder "photo"` or `found the file name "IMG_2041.jpg"` for those).
 * Fails: `![](./slide.jpg)`.
 */
export function imageAlt({ url, alt }: ImageRef): string | undefined {
  const text = (alt ?? '').trim();
  const file = basename(url.split(/[?#]/)[0] ?? '');
  const found = !text ? 'none'
    : placeholderAlt.test(text) ? `the placeholder ${quoted(text)}`
      : text === file || text === file.slice(0, -extname(file).length) ? `the file name ${quoted(text)}` : undefined;
  if (!found) return undefined;
  return `expected alt text that says what the image shows, found ${found}; write what a reader would miss without it, e.g. ![Slide: the rollout in three stages, canary first](./slide.jpg)`;
}

const formatNames = Object.keys(imageFormats).map((f) => (f === 'jpeg' ? 'JPEG' : f === 'webp' ? 'WebP' : f.toUpperCase()));

/**
 * `image-format`: an image is a JPEG, PNG, WebP or AVIF file (by its content and its extension).
 * Message: `expected a JPEG, PNG, WebP or AVIF image, found a GIF file ("./slide.gif"); export it as JPEG (photos) or PNG (screenshots, diagrams)`.
 * Fails: `![Stage](./stage.gif)`.
 */
export function imageFormat({ path, url, info, unreadable }: ImageRef): string | undefined {
  if (path === undefined || (!info && !unreadable)) return undefined;
  const ext = extname(path).toLowerCase();
  const byName = Object.entries(imageFormats).find(([, exts]) => (exts as readonly string[]).includes(ext))?.[0];
  if (info && info.bytes <= maxImageBytes && byName === info.format) return undefined;
  if (info && info.bytes > maxImageBytes && byName) return undefined; // too large to read: image-size says so
  const what = unreadable ? 'a file no image reader understands'
    : info && info.format in imageFormats && byName !== info.format ? `a ${info.format.toUpperCase()} file named ${ext}`
      : `a ${(info?.format ?? ext.slice(1)).toUpperCase()} file`;
  const list = `${formatNames.slice(0, -1).join(', ')} or ${formatNames.at(-1)}`;
  return `expected a ${list} image, found ${what} (${quoted(url)}); export it as JPEG (photos) or PNG (screenshots, diagrams)`;
}

/**
 * `image-size`: an image is at most 15 MB and 50 megapixels (a phone photo fits both; the site
 * publishes it at most 1,600 pixels wide, plus the full size behind a link).
 * Message: `expected an image of at most 15 MB, found 22.4 MB ("./stage.jpg"); export it smaller, 2,400 pixels wide is plenty`
 * (or `at most 50 megapixels, found 64.0 megapixels (8000 × 8000)…`).
 * Fails: a 20 MB TIFF exported as JPEG.
 */
export function imageSize({ url, info }: ImageRef): string | undefined {
  if (!info) return undefined;
  const fix = `(${quoted(url)}); export it smaller, 2,400 pixels wide is plenty`;
  if (info.bytes > maxImageBytes) return `expected an image of at most ${megabytes(maxImageBytes).replace('.0', '')}, found ${megabytes(info.bytes)} ${fix}`;
  const pixels = info.width * info.height;
  if (pixels > maxImagePixels) {
    return `expected an image of at most ${maxImagePixels / 1e6} megapixels, found ${(pixels / 1e6).toFixed(1)} megapixels (${info.width} × ${info.height}) ${fix}`;
  }
  return undefined;
}

/** Every image rule, in the order their messages are listed. */
export const imageRules = [imageRemote, imageFolder, imageMissing, imageAlt, imageFormat, imageSize];

/** What is wrong with one image (messages; the caller adds file, line and field). */
export const imageProblems = (ref: ImageRef) => imageRules.map((rule) => rule(ref)).filter((m): m is string => m !== undefined);
