/**
 * `npm run build` prints Astro's output without its run-together list of pages (src/lib/astro-log.ts).
 * The input is Astro's output as it comes through a pipe when it writes several pages at once:
 * starts run together, times on lines of their own, a copied page's "(cached)" right after its start.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { astroLog } from '../../src/lib/astro-log.ts';

const astro = [
  '10:11:24 [build] Rearranging server assets...\n',
  '\n generating static routes \n',
  '10:11:26   ├─ /404.html',
  '10:11:26   ├─ /events/a/index.html',
  '10:11:26   ├─ /og/topics/b.png (cached)\n',
  '10:11:26   ├─ /people/c/index.html',
  '10:11:26 [WARN] [hallway] a warning in the middle\n',
  ' (+48ms) \n',
  'Open Graph images: 1 drawn, 0 from the cache (0.1 s)\n',
  ' (+22ms) \n',
  ' (+1.20s) \n',
  '10:11:27 ✓ Completed in 2.17s.\n',
  '10:11:27 [build] 3 page(s) built in 5.73s\n',
].join('');

/** Feeds `text` in chunks of `size` characters, as a pipe may cut it. */
function feed(text: string, size: number, routes = false): string {
  const log = astroLog({ routes });
  let out = '';
  for (let i = 0; i < text.length; i += size) out += log.push(text.slice(i, i + size));
  return out + log.end();
}

test('the page list becomes one line; warnings and every other line stay whole', () => {
  const expected = [
    '10:11:24 [build] Rearranging server assets...',
    '',
    ' generating static routes ',
    '10:11:26 [WARN] [hallway] a warning in the middle',
    'Open Graph images: 1 drawn, 0 from the cache (0.1 s)',
    '10:11:27 ✓ Completed in 2.17s.',
    '10:11:27 [build] 3 page(s) built in 5.73s',
    'Astro wrote 4 files, 1 of them copied unchanged from the last build (`npm run build -- --routes` lists them).',
    '',
  ].join('\n');
  for (const size of [1, 7, 64, astro.length]) assert.equal(feed(astro, size), expected, `chunks of ${size}`);
});

test('with --routes, one page a line, "(cached)" kept, no line holding only a time', () => {
  const lines = feed(astro, 5, true).split('\n');
  assert.deepEqual(lines.filter((l) => l.includes('─')), [
    '10:11:26   ├─ /404.html',
    '10:11:26   ├─ /events/a/index.html',
    '10:11:26   ├─ /og/topics/b.png (cached)',
    '10:11:26   ├─ /people/c/index.html',
  ]);
  assert.deepEqual(lines.filter((l) => /^\s*\(\+[\d.]+m?s\)\s*$/.test(l)), []);
  assert.ok(lines.includes('10:11:26 [WARN] [hallway] a warning in the middle'));
});

test('a silent build (no page list) gets no count', () => {
  assert.equal(feed('10:11:27 [build] Complete!\n', 3), '10:11:27 [build] Complete!\n');
  assert.equal(feed('', 3), '');
});
