/**
 * Rules of a report's photos, enforced by the report pipeline on every image it meets
 * (src/markdown/rehype-images.ts). Their words are in src/media/image-rules.ts, one function each,
 * which the messages here call, so each message is written once.
 */
import { crc32, deflateSync } from 'node:zlib';
import { imageAlt, imageFolder, imageFormat, imageMissing, imageRemote, imageSize, type ImageRef } from '../../media/image-rules.ts';
import type { Rule } from './rule.ts';

const report = '<dir>/reports/first-visit.mdx';
const enforcedBy = 'src/media/image-rules.ts';
const said = (rule: (ref: ImageRef) => string | undefined) => (ref: ImageRef) => rule(ref) ?? '(no problem)';

/** A tiny PNG file that says it is `width` × `height` (grey; its few pixel rows are all a reader needs to tell its size). */
function hugePng(width: number, height: number): string {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(16))), chunk('IEND', Buffer.alloc(0))]).toString('latin1');
}

export const imageRemoteRule: Rule<ImageRef> = {
  id: 'image-remote',
  checks: 'an image is a file beside the report, never one from another host',
  message: said(imageRemote),
  example: { change: { body: '![The stage](https://photos.example.com/stage.jpg)' }, field: 'image', finding: { report, url: 'https://photos.example.com/stage.jpg', alt: 'The stage' } },
  help: { shown: '`image: expected an image saved beside the report, found one from another host …`', fix: 'save the file next to the report and write `![alt](./name.jpg)`' },
  enforcedBy,
};

export const imageFolderRule: Rule<ImageRef> = {
  id: 'image-folder',
  checks: 'an image is beside its report or in a folder beside it, so they move together',
  message: said(imageFolder),
  example: { change: { body: '![The stage](../stage.jpg)' }, field: 'image', finding: { report, url: '../stage.jpg', alt: 'The stage', exists: false } },
  help: { shown: '`image: expected an image beside the report (./name.jpg or ./<folder>/name.jpg), found "../x.jpg" …`', fix: 'move the file next to the report' },
  enforcedBy,
};

export const imageMissingRule: Rule<ImageRef> = {
  id: 'image-missing',
  checks: 'the file an image names exists (the nearest image file is suggested)',
  message: said(imageMissing),
  example: { change: { body: '![The stage](./stage.jpg)' }, field: 'image', finding: { report, url: './stage.jpg', alt: 'The stage', path: '<dir>/reports/stage.jpg', exists: false } },
  help: { shown: '`image: expected an image file at content/reports/stage.jpg, found nothing there; did you mean …?`', fix: 'correct the name, or save the image there' },
  enforcedBy,
};

export const imageAltRule: Rule<ImageRef> = {
  id: 'image-alt',
  checks: 'every image has alt text saying what it shows (not a file name or "photo")',
  message: said(imageAlt),
  example: { change: { body: '![](https://photos.example.com/stage.jpg)' }, field: 'image', finding: { report, url: 'https://photos.example.com/stage.jpg', alt: '' } },
  help: { shown: '`image: expected alt text that says what the image shows, found none …`', fix: 'write what a reader would miss without the image' },
  enforcedBy,
};

export const imageFormatRule: Rule<ImageRef> = {
  id: 'image-format',
  checks: 'an image is a JPEG, PNG, WebP or AVIF file, by its content and its name',
  message: said(imageFormat),
  example: {
    change: { body: '![The stage](./stage.jpg)', 'reports/stage.jpg': 'not an image at all' },
    field: 'image',
    finding: { report, url: './stage.jpg', alt: 'The stage', path: '<dir>/reports/stage.jpg', unreadable: 'unreadable' },
  },
  help: { shown: '`image: expected a JPEG, PNG, WebP or AVIF image, found a GIF file …`', fix: 'export it as JPEG (photos) or PNG (screenshots, diagrams)' },
  enforcedBy,
};

export const imageSizeRule: Rule<ImageRef> = {
  id: 'image-size',
  checks: 'an image is at most 15 MB and 50 megapixels',
  message: said(imageSize),
  example: {
    change: { body: '![The stage](./stage.png)', 'reports/stage.png': hugePng(10_000, 10_000) },
    encoding: 'latin1',
    field: 'image',
    finding: { report, url: './stage.png', alt: 'The stage', info: { format: 'png', width: 10_000, height: 10_000, bytes: 33 } as ImageRef['info'] },
  },
  help: { shown: '`image: expected an image of at most 15 MB, found 22.4 MB …` / `… 50 megapixels …`', fix: 'export it smaller; 2,400 pixels wide is plenty' },
  enforcedBy,
};
