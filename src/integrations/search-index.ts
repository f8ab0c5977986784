/**
 * Writes the Pagefind search index of a built site, in parts when the site is large.
 *
 * Pagefind 1.6 holds everything it indexes in memory, about 0.45 MB per report page (measured:
 * 1,000 report pages 0.46 GB, 5,000 2.3 GB), because it keeps each page's word positions twice
 * while it builds. So report pages are indexed `reportsPerPart` at a time, each part by a fresh
 * Pagefind process that ends before the next starts: the first part (with every other page) is the
 * bundle at `pagefind/`, the others `pagefind/part-2/`, `pagefind/part-3/`… listed in
 * `pagefind/parts.json`, and the browser merges them (`mergeIndex`, src/scripts/search/pagefind.ts).
 * A site under `reportsPerPart` reports has one bundle and an empty list.
 *
 * Every `errors` array Pagefind returns is checked; any error throws. Does not decide what is
 * indexed: pages say that with `data-pagefind-*` attributes.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { running } from '../lib/publish.ts';
import { config } from '../config.ts';

export const reportsPerPart = 2500;

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

function htmlFiles(site: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return relative(site, path) === 'pagefind' ? [] : walk(path);
      return e.name.endsWith('.html') ? [relative(site, path).split(sep).join('/')] : [];
    });
  return walk(site).sort();
}

/** Splits the site's pages into parts: every page but reports, then reports, `reportsPerPart` a part. */
export function partition(files: string[], perPart = reportsPerPart): string[][] {
  const isReport = (f: string) => /^reports\/[^/]+\/index\.html$/.test(f);
  const reports = files.filter(isReport);
  const parts: string[][] = [files.filter((f) => !isReport(f))];
  for (let i = 0; i < reports.length; i += perPart) {
    if (i === 0) parts[0]!.push(...reports.slice(0, perPart));
    else parts.push(reports.slice(i, i + perPart));
  }
  return parts;
}

/** A folder holding hard links to `files` of `site`, at the same relative paths. */
function linkPart(site: string, files: string[], folder: string): string {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    linkSync(join(site, file), join(folder, file));
  }
  return folder;
}

/**
 * Indexes written before, by what they were made from: a rebuild whose pages are all unchanged
 * copies the index (after checking it against its digest) instead of running Pagefind again (seconds at 1,000 reports, half a minute at
 * 5,000). The newest few are kept; $HALLWAY_SEARCH_CACHE moves the folder.
 */
export const searchCacheDir = config.searchCacheDir;
const kept = 4;

const marker = Buffer.from('data-pagefind-body');

/**
 * Reads every page once: what decides the index (every page's path and bytes, how it is split,
 * this code and Pagefind's version) as a key, and which pages Pagefind will index. When any page
 * marks its content with `data-pagefind-body`, Pagefind skips the pages that do not; it is given
 * only the marked ones (same index, 20 % less time and memory at 1,000 reports).
 */
function readPages(site: string, files: string[], perPart: number): { key: string; indexed: string[] } {
  const hash = createHash('sha256');
  const version = (JSON.parse(readFileSync(join('node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
  hash.update(readFileSync(join('src', 'integrations', 'search-index.ts'))).update(`\0${version}\0${perPart}\0`);
  // Read through one buffer: thousands of pages' bytes never pile up in memory at once.
  const buffer = Buffer.alloc(1 << 20);
  const marked: string[] = [];
  for (const file of files) {
    hash.update(file).update('\0');
    const fd = openSync(join(site, file), 'r');
    let found = false;
    let tail = Buffer.alloc(0); // the end of the previous read, for a marker split across two reads
    try {
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
        const chunk = buffer.subarray(0, n);
        hash.update(chunk);
        if (!found) {
          found = Buffer.concat([tail, chunk]).includes(marker);
          tail = Buffer.from(chunk.subarray(Math.max(0, n - marker.length + 1)));
        }
      }
    } finally {
      closeSync(fd);
    }
    if (found) marked.push(file);
    hash.update('\0');
  }
  return { key: hash.digest('hex').slice(0, 32), indexed: marked.length ? marked : files };
}

/**
 * Copies `from`'s files to the same paths under `to` and returns a digest of their paths and bytes.
 * Copies, not hard links: a later write into the published `pagefind/` must never reach the cache
 * (or the other way round), and the digest is of the bytes actually copied.
 */
function copyTree(from: string, to: string, hash = createHash('sha256'), at = ''): string {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const [source, target, path] = [join(from, entry.name), join(to, entry.name), `${at}${entry.name}`];
    if (entry.isDirectory()) copyTree(source, target, hash, `${path}/`);
    else {
      const bytes = readFileSync(source);
      hash.update(path).update('\0').update(bytes).update('\0');
      writeFileSync(target, bytes);
    }
  }
  return at ? '' : hash.digest('hex');
}

/**
 * Keeps a copy of the index just written under its key, with the digest of its files, and only
 * the newest `kept` of them. Copies left by killed builds (`*.tmp-<pid>`) are removed.
 */
function remember(site: string, key: string) {
  const tmp = join(searchCacheDir, `${key}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const sum = copyTree(join(site, 'pagefind'), join(tmp, 'index'));
  writeFileSync(join(tmp, 'digest'), sum);
  rmSync(join(searchCacheDir, key), { recursive: true, force: true });
  renameSync(tmp, join(searchCacheDir, key));
  const names = readdirSync(searchCacheDir);
  for (const name of names.filter((n) => /\.tmp-\d+$/.test(n) && !running(Number(n.split('.tmp-')[1])))) {
    rmSync(join(searchCacheDir, name), { recursive: true, force: true });
  }
  const entries = names.filter((name) => !name.includes('.tmp-'))
    .map((name) => ({ name, at: statSync(join(searchCacheDir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { name } of entries.slice(kept)) rmSync(join(searchCacheDir, name), { recursive: true, force: true });
}

/**
 * Copies the cached index of identical pages into `site`, when there is one and its files still
 * match the digest recorded when it was written; false otherwise (an edited or planted copy is
 * removed, and the site is indexed afresh).
 */
function reuse(site: string, key: string, log: (message: string) => void): boolean {
  const cached = join(searchCacheDir, key);
  if (!existsSync(join(cached, 'digest'))) return false;
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  if (copyTree(join(cached, 'index'), join(site, 'pagefind')) === readFileSync(join(cached, 'digest'), 'utf8')) return true;
  log(`Search index in ${relative('.', cached)}/ does not match its digest (changed since it was written): removed, indexing again`);
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  rmSync(cached, { recursive: true, force: true });
  return false;
}

/**
 * Indexes `site` (a build's output folder), or reuses the index of identical pages from the
 * cache; returns the number of pages indexed.
 */
export async function indexSite(site: string, log: (message: string) => void = console.log, perPart = reportsPerPart): Promise<number> {
  const { key, indexed } = readPages(site, htmlFiles(site), perPart);
  if (reuse(site, key, log)) {
    log(`Search index unchanged: ${indexed.length} pages, reused from ${relative('.', join(searchCacheDir, key))}/`);
    return indexed.length;
  }
  const parts = partition(indexed, perPart);
  let pages = 0;
  for (const [i, files] of parts.entries()) {
    const outputPath = i === 0 ? join(site, 'pagefind') : join(site, 'pagefind', `part-${i + 1}`);
    try {
      // The "#" link after each heading carries data-pagefind-ignore, but Pagefind still reads its
      // text into the heading's title for sub-results; ignoring its children keeps titles clean.
      // Editor's notes are ours, not the author's: searching them finds nothing worth reading, and
      // they would ride along in every result's fragment.
      const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.anchor *', '.ed-note'] });
      check('createIndex', errors);
      if (!index) throw new Error('Pagefind createIndex returned no index.');
      // Pagefind reads a folder itself, on every core: a folder of hard links to this part's pages
      // at the same paths (so their URLs are the same). Reading them here and sending them over
      // would cost this process hundreds of MB at 5,000 reports.
      const folder = linkPart(site, files, `${site}.search-part-${i + 1}`);
      try {
        const added = await index.addDirectory({ path: folder });
        check(`indexing ${site}`, added.errors);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
      const written = await index.writeFiles({ outputPath });
      check('writing the index', written.errors);
    } finally {
      await pagefind.close(); // the next part gets a fresh process: the memory of this one is given back
    }
    pages += files.length;
    log(`Indexed ${files.length} pages into ${relative('.', outputPath)}/`);
  }
  if (pages === 0) throw new Error(`Pagefind found no pages to index in ${site}.`);
  writeFileSync(join(site, 'pagefind', 'parts.json'), JSON.stringify(parts.slice(1).map((_, i) => `part-${i + 2}/`)));
  remember(site, key);
  return pages;
}
