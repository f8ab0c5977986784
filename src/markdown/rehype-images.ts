/**
 * Local images of a report body (`![alt](./slide.jpg "caption")`, a path relative to the report
 * file) become responsive pictures: WebP at several widths with a JPEG (or PNG) fallback, width and
 * height (no layout shift), lazy loading, a link to the full size and, with a caption, a
 * `<figure>`. Runs before rehypeReport, so sections quoted on topic pages carry the figure.
 *
 * Only the markup is written here (the pipeline is synchronous and its HTML cached); the files are
 * encoded and published after the build (src/media/emit.ts) under names made of their content's
 * digest. Every image is checked first (src/media/image-rules.ts); one that fails is removed and
 * its problem recorded, so nothing broken reaches a page.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { imageProblems, type ImageRef } from '../media/image-rules.ts';
import { refusal } from '../paths.ts';
import { imageInfo, imageSizes, pictureFiles, variantUrl, type ImageInfo, type Variant } from '../media/images.ts';
import { isProtocolRelative, urlScheme } from './guard.ts';
import { addProblem } from './problems.ts';

/** On the link and the image of a photo: their addresses are the pipeline's, not the author's (rehypeReport's link check skips them). */
export const photoFileClass = 'photo-file';

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });

/** True for an address naming a file relative to the report (not a page of the site, a fragment or another scheme). */
const isRelativeFile = (url: string) => !urlScheme(url) && !isProtocolRelative(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');

/** Reads what the pipeline needs to know of an image at `url` in `report`. */
export function readImage(report: string, url: string, alt: string | undefined): ImageRef {
  const ref: ImageRef = { report, url, alt };
  if (!isRelativeFile(url)) return ref;
  let decoded = url.split(/[?#]/)[0]!;
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Not percent-encoded after all: the name as written.
  }
  const folder = dirname(report);
  const path = resolve(folder, decoded);
  const inside = relative(resolve(folder), path);
  if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return { ...ref, exists: false };
  const shown = join(folder, decoded);
  // A link leading out of the folder is refused before a byte of its target is read.
  if (!existsSync(path) || !statSync(path).isFile() || refusal(path, folder)) return { ...ref, path: shown, exists: false };
  try {
    return { ...ref, path: shown, exists: true, info: imageInfo(path) };
  } catch (error) {
    return { ...ref, path: shown, exists: true, unreadable: (error as Error).message };
  }
}

/** The `<picture>` of an image, in a link to its full size. */
function picture(info: ImageInfo, alt: string, title: string | undefined, root: string): Element {
  const url = (variant: Variant) => variantUrl(root, info.digest, variant);
  const files = pictureFiles(info);
  const srcset = files.srcset.map((v) => `${url(v)} ${v.width}w`).join(', ');
  return el('a', { href: url(files.full), className: [photoFileClass, 'photo-link'], dataPagefindIgnore: true }, [
    el('picture', {}, [
      el('source', { type: 'image/webp', srcSet: srcset, sizes: imageSizes }),
      // Every browser we support reads the WebP source; one that does not gets one fallback file.
      el('img', {
        src: url(files.src),
        width: info.width,
        height: info.height,
        alt,
        ...(title && { title }),
        loading: 'lazy',
        decoding: 'async',
        className: [photoFileClass],
      }),
    ]),
  ]);
}

const hasClass = (node: Element, name: string) => ([] as unknown[]).concat(node.properties.className ?? []).includes(name);
const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();

export function rehypeImages({ base }: { base: string }) {
  const root = base.endsWith('/') ? base : `${base}/`;
  return (tree: Root, file: VFile) => {
    const visit = (parent: Root | Element) => {
      parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
        if (child.type !== 'element') return [child];
        if (child.tagName !== 'img') {
          visit(child);
          // A paragraph holding one photo and nothing else is the photo's block; with a caption, its figure.
          const only = child.tagName === 'p' ? child.children.filter((c) => !isBlank(c)) : [];
          const photo = only.length === 1 && only[0]!.type === 'element' && hasClass(only[0]!, 'photo-link') ? only[0]! : undefined;
          if (photo) {
            const img = ((photo.children[0] as Element).children[1] as Element).properties;
            const caption = img.title;
            delete img.title;
            if (typeof caption === 'string') return [el('figure', { className: ['photo'] }, [photo, el('figcaption', {}, [{ type: 'text', value: caption }])])];
            return [el('p', { className: ['photo'] }, [photo])];
          }
          return [child];
        }
        const url = String(child.properties.src ?? '');
        const alt = typeof child.properties.alt === 'string' ? child.properties.alt : undefined;
        const ref = readImage(file.path, url, alt);
        const problems = imageProblems(ref);
        for (const message of problems) addProblem(file, child, message, 'image');
        if (problems.length) return [];
        if (!ref.info) return [child]; // a page of this site, or an address the guard has ruled on
        const title = typeof child.properties.title === 'string' ? child.properties.title.trim() : undefined;
        return [picture(ref.info, alt!.trim(), title || undefined, root)];
      }) as typeof parent.children;
    };
    visit(tree);
  };
}
