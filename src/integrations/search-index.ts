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
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';

export const reportsPerPart = 2500;
/** Files sent to Pagefind at once. */
const batch = 64;

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

/** Indexes `site` (a build's output folder); returns the number of pages indexed. */
export async function indexSite(site: string, log: (message: string) => void = console.log, perPart = reportsPerPart): Promise<number> {
  const parts = partition(htmlFiles(site), perPart);
  let pages = 0;
  for (const [i, files] of parts.entries()) {
    const outputPath = i === 0 ? join(site, 'pagefind') : join(site, 'pagefind', `part-${i + 1}`);
    try {
      // The "#" link after each heading carries data-pagefind-ignore, but Pagefind still reads its
      // text into the heading's title for sub-results; ignoring its children keeps titles clean.
      const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.anchor *'] });
      check('createIndex', errors);
      if (!index) throw new Error('Pagefind createIndex returned no index.');
      if (parts.length === 1) {
        // One part: Pagefind reads the folder itself, on every core (faster than file by file).
        const added = await index.addDirectory({ path: site });
        check(`indexing ${site}`, added.errors);
      } else for (let at = 0; at < files.length; at += batch) {
        const added = await Promise.all(files.slice(at, at + batch).map((sourcePath) =>
          index.addHTMLFile({ sourcePath, content: readFileSync(join(site, sourcePath), 'utf8') })));
        for (const [j, result] of added.entries()) check(`indexing ${files[at + j]}`, result.errors);
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
  return pages;
}
