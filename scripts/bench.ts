/**
 * `npm run bench`: measures build time, peak memory, page weights, the search index and search in a
 * browser on synthetic corpora (scripts/bench/corpus.ts), and reports numbers, never pass/fail.
 * `--help` lists the flags; the parts are in scripts/bench/ (config, memory, weights, search,
 * starlight and same-texts for the side-by-side peer, report for the Markdown).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readConfig } from './bench/config.ts';
import { compareWithStarlight, measureSize } from './bench/measure.ts';
import { forget, ourSite } from './bench/ours.ts';
import { header, sideBySide, sizeSection } from './bench/report.ts';

const config = readConfig();
const lines: string[] = [];
/** Prints the lines as they come (a run takes minutes) and keeps them for the file. */
const emit = (more: string[]) => {
  lines.push(...more);
  console.log(more.join('\n'));
};

emit(header(config.argv));
for (const n of config.sizes) {
  const work = mkdtempSync(join(tmpdir(), `hallway-bench-${n}-`));
  try {
    emit(sizeSection(await measureSize(n, work, config)));
    if (config.starlight) {
      const side = await compareWithStarlight(n, work, config);
      emit(sideBySide(n, side.word, side.ours, side.starlight));
    }
  } finally {
    // Astro's data store for a scratch corpus lives in our node_modules/.astro: forget it with the folder.
    forget(ourSite(work));
    forget(ourSite(work, 'same-texts'));
    rmSync(work, { recursive: true, force: true });
  }
}
mkdirSync(dirname(resolve(config.outFile)), { recursive: true });
writeFileSync(config.outFile, lines.join('\n'));
console.log(`\nWritten to ${config.outFile}`);
