/** Page weights of a built site, by page type: how many, largest and median, raw and gzipped, and which load a script. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { filesUnder } from '../../src/paths.ts';
import { pageKinds } from '../../src/site/kinds.ts';
import { median } from './numbers.ts';

export interface KindRow { kind: string; pages: number; rawMax: number; rawMed: number; gzMax: number; gzMed: number; largest: string; js: number }

/** Page types that must load no script (a ⚠ in the report when one does). */
const sections = pageKinds.map((k) => k.route);
export const readingKinds = new Set([...sections, 'home']);
const order = [...sections, ...sections.map((s) => `/${s}/ index`), 'home', 'search', 'rss.xml'];
const loadsScript = /<script[^>]*\bsrc="[^"]*\.m?js"|import\s*\(?\s*["'][^"']*\.js["']|href="[^"]*\.m?js"/;

/** The page type of a path relative to the site's root, e.g. "reports/x/index.html" → "reports". */
function kindOf(path: string): string | undefined {
  if (path === 'index.html') return 'home';
  if (path === 'search/index.html') return 'search';
  const m = new RegExp(`^(${sections.join('|')})/(index\\.html|.+/index\\.html)$`).exec(path);
  if (!m) return undefined;
  return m[2] === 'index.html' ? `/${m[1]}/ index` : m[1];
}

function row(kind: string, pages: string[], dist: string): KindRow {
  const sized = pages.map((f) => {
    const bytes = readFileSync(f);
    return { f, raw: bytes.length, gz: gzipSync(bytes).length, js: loadsScript.test(bytes.toString('utf8')) };
  });
  const largest = sized.reduce((a, b) => (b.gz > a.gz ? b : a));
  return {
    kind,
    pages: pages.length,
    rawMax: Math.max(...sized.map((x) => x.raw)),
    rawMed: median(sized.map((x) => x.raw)),
    gzMax: Math.max(...sized.map((x) => x.gz)),
    gzMed: median(sized.map((x) => x.gz)),
    largest: '/' + relative(dist, largest.f).replace(/index\.html$/, ''),
    js: sized.filter((x) => x.js).length,
  };
}

/**
 * The bytes of the first photo a report page shows a 390 px wide phone, at 1× and 3× pixel density:
 * the WebP a browser picks from the first `<source>`'s srcset (the narrowest at least as wide as the
 * 42rem-or-screen slot, 358 px × density, else the widest). The largest over all report pages.
 */
function firstImageBytes(dist: string, reports: string[]): { dpr1: number; dpr3: number } | undefined {
  const sizes = { dpr1: 0, dpr3: 0 };
  let found = false;
  for (const page of reports) {
    const srcset = /<source type="image\/webp" srcset="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
    if (!srcset) continue;
    found = true;
    const candidates = srcset.split(', ').map((c) => c.split(' ')).map(([url, w]) => ({ url: url!, width: parseInt(w!, 10) }));
    for (const [key, dpr] of [['dpr1', 1], ['dpr3', 3]] as const) {
      const chosen = candidates.find((c) => c.width >= 358 * dpr) ?? candidates.at(-1)!;
      const file = join(dist, chosen.url.replace(/^\/(?:[^/]+\/)*?_astro\//, '_astro/'));
      sizes[key] = Math.max(sizes[key], statSync(file).size);
    }
  }
  return found ? sizes : undefined;
}

/** Weighs every page of `dist` (our page types; any other site gets its HTML count and sizes). */
export function weigh(dist: string) {
  const files = filesUnder(dist);
  const rel = (f: string) => relative(dist, f);
  const html = files.filter((f) => f.endsWith('.html') && !rel(f).startsWith('pagefind/'));
  const groups = new Map<string, string[]>();
  for (const f of html) {
    const kind = kindOf(rel(f));
    if (!kind) continue;
    if (!groups.has(kind)) groups.set(kind, []);
    groups.get(kind)!.push(f);
  }
  if (existsSync(join(dist, 'rss.xml'))) groups.set('rss.xml', [join(dist, 'rss.xml')]);
  const size = (fs: string[]) => fs.reduce((a, f) => a + statSync(f).size, 0);
  const pagefind = files.filter((f) => rel(f).startsWith('pagefind/'));
  return {
    htmlPages: html.length,
    rows: order.filter((k) => groups.has(k)).map((kind) => row(kind, groups.get(kind)!, dist)),
    total: size(files),
    pagefind: size(pagefind),
    pagefindFiles: pagefind.length,
    firstImage: firstImageBytes(dist, groups.get('reports') ?? []),
  };
}
export type Weights = ReturnType<typeof weigh>;
