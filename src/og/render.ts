/**
 * Draws Open Graph cards (src/lib/og-card.ts) to PNG with satori (layout → SVG) and resvg
 * (SVG → PNG, WebAssembly), from the Inter font files of @fontsource/inter: no network, no
 * native binary, no system font.
 *
 * Images are cached by content: `<cacheDir>/<cardKey>.png`, where the key hashes the card's text,
 * the layout version and the font files. `ensureImages` draws only the cards whose key is not in
 * the cache yet, so a rebuild redraws only what changed. The default cache dir is
 * node_modules/.cache/hallway/og/ (CI can keep it between runs; see README).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import { cardKey, cardTree, OG_FONTS, OG_WIDTH, OG_HEIGHT, type OgCard } from '../lib/og-card.ts';
import { encodeOpaquePng } from './png.ts';
import { config } from '../config.ts';

/** OG_CACHE_DIR moves it, e.g. to measure a build with an empty cache. */
export const defaultCacheDir = config.ogCacheDir;

// Resolved from the project root: this module may run from a bundle written elsewhere.
const require = createRequire(join(process.cwd(), 'package.json'));

type Weight = 400 | 700;
interface Fonts {
  fonts: { name: string; data: Buffer; weight: Weight; style: 'normal' }[];
  key: string;
}

let fonts: Fonts | undefined;
function loadFonts(): Fonts {
  if (fonts) return fonts;
  const hash = createHash('sha256');
  const list: Fonts['fonts'] = [];
  for (const weight of [400, 700] as const) {
    for (const { name, subset } of OG_FONTS) {
      const data = readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`));
      hash.update(data);
      list.push({ name, data, weight, style: 'normal' });
    }
  }
  fonts = { fonts: list, key: hash.digest('hex').slice(0, 16) };
  return fonts;
}

/** satori and resvg, loaded when a card is first drawn: a build whose cards are all cached never pays for them (satori unpacks its fonts on import). */
let drawing: Promise<{ satori: typeof import('satori').default; Resvg: typeof import('@resvg/resvg-wasm').Resvg }> | undefined;
function ready() {
  drawing ??= Promise.all([import('satori'), import('@resvg/resvg-wasm')]).then(async ([s, r]) => {
    await r.initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return { satori: s.default, Resvg: r.Resvg };
  });
  return drawing;
}

/** The cache key of a card with the fonts in use. */
export const keyOf = (card: OgCard) => cardKey(card, loadFonts().key);

/** Draws one card to a 1200×630 PNG. */
export async function renderCard(card: OgCard): Promise<Uint8Array> {
  const { satori, Resvg } = await ready();
  const svg = await satori(cardTree(card) as Parameters<typeof satori>[0], {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: loadFonts().fonts,
  });
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  const image = resvg.render();
  // Cards are opaque: Node's zlib encodes them faster and smaller than resvg (png.ts).
  const png = encodeOpaquePng(image.pixels, image.width, image.height) ?? image.asPng();
  image.free();
  resvg.free();
  return png;
}

export interface EnsureResult {
  /** Cards drawn now (not in the cache before). */
  written: number;
  /** Cards found in the cache. */
  cached: number;
  /** The cached PNG file of each card, in the order given. */
  files: string[];
}

export interface EnsureOptions {
  cacheDir?: string;
  /** Draw in this many worker threads (one per core is right for a build); 1 draws here. */
  threads?: number;
}

/** Draws cards into the cache, one after another in this thread; returns how many it wrote. */
export async function drawInto(cards: OgCard[], cacheDir: string): Promise<number> {
  mkdirSync(cacheDir, { recursive: true });
  let written = 0;
  for (const card of cards) {
    const file = join(cacheDir, `${keyOf(card)}.png`);
    if (existsSync(file)) continue;
    const png = await renderCard(card);
    // Write then rename, so an interrupted build never leaves a half-written PNG in the cache.
    const partial = `${file}.${process.pid}.${threadId}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, file);
    written++;
  }
  return written;
}

// A plain file Node runs itself (type stripping), not part of any bundle: found from the project root.
const workerFile = join(process.cwd(), 'src', 'og', 'worker.ts');

function drawInWorker(cards: OgCard[], cacheDir: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(workerFile, { workerData: { cards, cacheDir } });
    worker.once('message', (n: number) => resolvePromise(n));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`Open Graph worker stopped with code ${code}`)));
  });
}

/**
 * Makes sure every card has its PNG in the cache, drawing only the missing ones (spread over
 * `threads` worker threads when there are enough of them to be worth starting threads for).
 */
export async function ensureImages(cards: OgCard[], { cacheDir = defaultCacheDir, threads = 1 }: EnsureOptions = {}): Promise<EnsureResult> {
  mkdirSync(cacheDir, { recursive: true });
  const files = cards.map((card) => join(cacheDir, `${keyOf(card)}.png`));
  const missing = new Map<string, OgCard>();
  cards.forEach((card, i) => {
    if (!existsSync(files[i]!)) missing.set(files[i]!, card);
  });
  const todo = [...missing.values()];
  let written: number;
  // Threads pay off only for more than a few cards; the worker file must be where the build runs from.
  if (threads > 1 && todo.length >= 4 * threads && existsSync(workerFile)) {
    const shares = Array.from({ length: threads }, (_, t) => todo.filter((_, i) => i % threads === t));
    written = (await Promise.all(shares.map((share) => drawInWorker(share, cacheDir)))).reduce((a, b) => a + b, 0);
  } else {
    written = await drawInto(todo, cacheDir);
  }
  return { written, cached: cards.length - missing.size, files };
}
