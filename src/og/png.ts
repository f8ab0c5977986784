/**
 * PNG encoding of an opaque RGBA image with Node's own zlib: 8-bit RGB, no row filter, deflate
 * level 6. For a card (flat colours and text) this takes 10 ms where resvg's WebAssembly encoder
 * takes 16, and the file is a third smaller (30 KB against 46 KB): a card draws in 27-30 ms, not 33-35.
 * Format: PNG specification (ISO/IEC 15948), chunks IHDR, IDAT, IEND, each with its CRC-32.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** The PNG of `rgba` (width × height pixels, 4 bytes each), or undefined when a pixel is not fully opaque; `level` is zlib's (1 fastest, 9 smallest). */
export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number, level = 6): Buffer | undefined {
  if (rgba.length !== width * height * 4) throw new Error(`encodeOpaquePng: ${rgba.length} bytes for ${width}×${height} pixels`);
  const row = width * 3 + 1; // a filter-type byte (0: none), then the row's RGB
  const raw = Buffer.alloc(row * height);
  for (let y = 0, from = 0; y < height; y++) {
    let to = y * row + 1;
    for (let x = 0; x < width; x++, from += 4) {
      if (rgba[from + 3] !== 255) return undefined;
      raw[to++] = rgba[from]!;
      raw[to++] = rgba[from + 1]!;
      raw[to++] = rgba[from + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // colour type: RGB (compression, filter and interlace methods stay 0)
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level })), chunk('IEND', Buffer.alloc(0))]);
}
