/**
 * src/og/png.ts: the PNG encoder of the Open Graph cards. Checked against the PNG format (chunk
 * order, lengths, CRCs, header fields, the inflated rows) and on a drawn card (its colours where
 * the layout puts them).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32, inflateSync } from 'node:zlib';
import { OG_COLOURS } from '../../src/lib/og-card.ts';
import { encodeOpaquePng } from '../../src/og/png.ts';
import { renderCard } from '../../src/og/render.ts';

/** Reads a PNG written with colour type 2 and no filter: its header and RGB rows; checks every CRC. */
function decode(png: Uint8Array) {
  const bytes = Buffer.from(png);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'signature');
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    assert.equal(bytes.readUInt32BE(at + 8 + length), crc32(bytes.subarray(at + 4, at + 8 + length)), `CRC of ${type}`);
    chunks.push({ type, data });
    at += length + 12;
  }
  assert.deepEqual(chunks.map((c) => c.type), ['IHDR', 'IDAT', 'IEND']);
  const h = chunks[0]!.data;
  const header = { width: h.readUInt32BE(0), height: h.readUInt32BE(4), depth: h[8], colour: h[9], rest: [...h.subarray(10)] };
  const raw = inflateSync(chunks[1]!.data);
  const row = header.width * 3 + 1;
  assert.equal(raw.length, row * header.height, 'one filter byte and the RGB of each row');
  const pixel = (x: number, y: number) => {
    assert.equal(raw[y * row], 0, `row ${y} is not filtered`);
    const at = y * row + 1 + x * 3;
    return `#${[...raw.subarray(at, at + 3)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  };
  return { header, pixel };
}

describe('PNG encoding of the cards', () => {
  test('a small opaque image round-trips: header, rows and every pixel', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 1, 2, 3, 255, 250, 251, 252, 255, 0, 0, 0, 255]);
    const { header, pixel } = decode(encodeOpaquePng(rgba, 3, 2)!);
    assert.deepEqual(header, { width: 3, height: 2, depth: 8, colour: 2, rest: [0, 0, 0] });
    assert.deepEqual([pixel(0, 0), pixel(1, 0), pixel(2, 0), pixel(0, 1), pixel(1, 1), pixel(2, 1)], ['#ff0000', '#00ff00', '#0000ff', '#010203', '#fafbfc', '#000000']);
  });

  test('an image with any pixel not fully opaque is left to another encoder', () => {
    assert.equal(encodeOpaquePng(new Uint8Array([0, 0, 0, 255, 0, 0, 0, 254]), 2, 1), undefined);
    assert.throws(() => encodeOpaquePng(new Uint8Array(7), 2, 1), /7 bytes for 2×1 pixels/);
  });

  test('a drawn card has the band, the rule and the page where the layout puts them', async () => {
    const { header, pixel } = decode(await renderCard({ kind: 'Topic', title: 'Release trains', context: 'Shipping on a timetable.' }));
    assert.deepEqual([header.width, header.height], [1200, 630]);
    assert.equal(pixel(4, 4), OG_COLOURS.accent, 'blue band at the top');
    assert.equal(pixel(600, 124), OG_COLOURS.second, 'orange rule under the band');
    assert.equal(pixel(4, 300), OG_COLOURS.bg, 'white page');
    assert.equal(pixel(600, 625), OG_COLOURS.second, 'orange rule at the foot');
  });
});
