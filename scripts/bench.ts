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
import { measureFederation } from './bench/federation.ts';
import { compareWithStarlight, measureSize } from './bench/measure.ts';
import { forget, ourSite } from './bench/ours.ts';
import { federationSection, header, sideBySide, sizeSection } from './bench/report.ts';

const config = readConfig();
const lines: string[] = [];
/** Prints the lines as they come (a run takes minutes) and keeps them for the file. */
const emit = (more: string[]) => {
  lines.push(...more);
  console.log(more.join('\n'));
};

async function main() {
  emit(header(config.argv));
  for (const n of config.sizes) {
    const work = mkdtempSync(join(tmpdir(), `hallway-bench-${n}-`));
    try {
      if (config.size) emit(sizeSection(await measureSize(n, work, config)));
      if (config.starlight) {
        try {
          const side = await compareWithStarlight(n, work, config);
          emit(sideBySide(n, side.word, side.ours, side.starlight));
        } catch (error) {
          // Our own numbers are kept; the failure is said in the results and in the exit code.
          emit([`### Side by side with stock Starlight at ${n} pages: not measured`, '', (error as Error).message, '']);
          process.exitCode = 1;
        }
      }
      if (config.federated) {
        try {
          emit(federationSection(await measureFederation(n, work, config)));
        } catch (error) {
          emit([`### Search across teams at ${n} reports: not measured`, '', (error as Error).message, '']);
          process.exitCode = 1;
        }
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
}

// A failed step (a build, the corpus's check) says what failed and its output's end, never a stack trace.
await main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
