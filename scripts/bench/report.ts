/** The bench's Markdown results: a header saying how it measured, then one section per size. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Run } from './memory.ts';
import { kb, mb, median, seconds } from './numbers.ts';
import type { FederationMeasures } from './federation.ts';
import type { SearchTiming } from './search.ts';
import { readingKinds, type Weights } from './weights.ts';

/** When, on what machine and at what commit the numbers were taken. */
function machine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || String(cpus().length);
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return `${when} UTC · ${nproc} cores (\`nproc\`), ${cpu} · ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · Node ${process.version} · git ${commit}`;
}

export function header(argv: string[]): string[] {
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench -- ${argv.join(' ')}\`. Machine: ${machine()}.`,
    '',
    'Build = `node scripts/build.ts --silent` (the check, then `astro build` with Pagefind), wall time, cold: no rendered report or Astro data store left from an earlier run (both are kept by a rebuild, as on a developer\'s machine or a CI with a cache); peak memory = the largest sum of VmRSS over the whole process tree, sampled every 100 ms. Check = `node scripts/check.ts` alone. Pages: largest / median, raw and gzip. Search: headless Chromium on `/search/`, a cold context each time, the field focused (which loads the index) and typed into once the network is quiet, ms from the last keydown to the first result in the list (which includes the 300 ms the page waits for the reader to stop typing before it fetches results), bytes of every response in the browser context, text gzipped as a compressing server sends it, Pagefind’s pre-compressed files as they are, median of 3.',
    '',
  ];
}

export interface SizeMeasures {
  n: number;
  seed: number;
  genMs: number;
  check: Run;
  build: Run;
  unchanged: Run;
  rebuild: Run;
  weights: Weights;
  word: string;
  /** The search timing, or why it could not be taken. */
  search: SearchTiming | string;
}

const searchRows = (word: string, search: SearchTiming | string) =>
  typeof search === 'string'
    ? [`| search | failed: ${search} |`]
    : [
        `| search "${word}" (${search.results} results shown) | ${Math.round(search.ms)} ms median (${search.all.join(', ')}) |`,
        `| search bytes: page load / first search / total | ${kb(search.loadBytes)} / ${kb(search.searchBytes)} / ${kb(search.loadBytes + search.searchBytes)} |`,
      ];

export function sizeSection(m: SizeMeasures): string[] {
  const w = m.weights;
  return [
    `## ${m.n} reports (seed ${m.seed})`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| corpus generation + its check | ${seconds(m.genMs)} |`,
    `| check alone, cold (\`scripts/check.ts\`) | ${seconds(m.check.ms)}, peak ${mb(m.check.peak)} |`,
    `| **build, cold** (check + astro build + Pagefind) | **${seconds(m.build.ms)}** (${(m.build.ms / m.n).toFixed(1)} ms per report), peak **${mb(m.build.peak)}** |`,
    `| of which Pagefind indexing | ≈ ${seconds(m.build.pagefindMs)} |`,
    `| peak of one process: Node / Pagefind | ${mb(m.build.nodePeak)} / ${mb(m.build.pagefindPeak)} |`,
    `| rebuild, nothing changed | ${seconds(m.unchanged.ms)}, peak ${mb(m.unchanged.peak)} |`,
    `| rebuild after editing one report | ${seconds(m.rebuild.ms)}, peak ${mb(m.rebuild.peak)} |`,
    `| HTML pages | ${w.htmlPages} |`,
    `| dist | ${mb(w.total)} |`,
    `| Pagefind index | ${mb(w.pagefind)} in ${w.pagefindFiles} files |`,
    ...(w.firstImage ? [`| first image bytes at 390 px (largest over report pages; 1× / 3× density) | ${kb(w.firstImage.dpr1)} / ${kb(w.firstImage.dpr3)} |`] : []),
    ...searchRows(m.word, m.search),
    '',
    '| page type | pages | largest raw | largest gzip | median raw | median gzip | largest page | pages referencing .js |',
    '| --- | --: | --: | --: | --: | --: | --- | --: |',
    ...w.rows.map((r) => `| ${r.kind} | ${r.pages} | ${kb(r.rawMax)} | ${kb(r.gzMax)} | ${kb(r.rawMed)} | ${kb(r.gzMed)} | \`${r.largest}\` | ${r.js}${readingKinds.has(r.kind) && r.js ? ' ⚠' : ''} |`),
    '',
  ];
}

export interface SideMeasures { builds: Run[]; weights: Weights; search: SearchTiming | string }

const sideRow = (name: string, s: SideMeasures) =>
  `| ${name} | ${seconds(median(s.builds.map((r) => r.ms)))} (${s.builds.map((r) => seconds(r.ms)).join(', ')}) | ${mb(median(s.builds.map((r) => r.peak)))} | ${s.weights.htmlPages} | ${mb(s.weights.total)} | ${typeof s.search === 'string' ? `failed: ${s.search}` : `${kb(s.search.searchBytes)} (${s.search.results} results, ${Math.round(s.search.ms)} ms)`} |`;

export function sideBySide(n: number, word: string, ours: SideMeasures, starlight: SideMeasures): string[] {
  return [
    `### Side by side with stock Starlight at ${n} pages, the same page texts (A B A B, medians)`,
    '',
    `Both sites are built from the same texts: each synthetic report is also a Starlight page with the same body byte for byte, its title, and its summary as description (scripts/bench/same-texts.ts); Starlight adds its home page, we add event, topic, tool, talk and people pages. First search: bytes after the search opened, for "${word}".`,
    '',
    '| | build | peak memory | HTML pages | dist | first search |',
    '| --- | --: | --: | --: | --: | --: |',
    sideRow('Hallway Track', ours),
    sideRow('Starlight', starlight),
    '',
  ];
}

const fedRow = (name: string, t: { typed: SearchTiming; submitted: SearchTiming }) =>
  `| ${name} | ${t.typed.results} | ${Math.round(t.typed.ms)} ms (${t.typed.all.join(', ')}) | ${Math.round(t.submitted.ms)} ms (${t.submitted.all.join(', ')}) | ${t.submitted.again ? `${Math.round(t.submitted.again.ms)} ms (${t.submitted.again.all.join(', ')})` : '–'} | ${kb(t.typed.loadBytes)} | ${kb(t.typed.searchBytes)} |`;

export function federationSection(m: FederationMeasures): string[] {
  const ratio = m.hub.typed.searchBytes / m.single.typed.searchBytes;
  return [
    `### Search across teams: a hub over three sites of ${m.n} reports each`,
    '',
    `Three corpora (seeds n, n+1, n+2) built (${m.builds.map((r) => seconds(r.ms)).join(', ')}); two served with CORS on their own ports, the third lists them in its sites.yaml and merges all three indexes. Searched for "${m.word}", a cold context each time, median of 3: "typed" is the last letter to the first result (with the page's 300 ms wait for the reader to stop typing), "Enter" is the same word then Enter, timed from Enter; "next, once loaded" is the reader's next search in the same page (the field emptied, then "${m.next}" and Enter), timed from Enter, when the index and its wasm are loaded.`,
    '',
    '| | results shown | typed | Enter | next, once loaded | page load | first search |',
    '| --- | --: | --: | --: | --: | --: | --: |',
    fedRow('one site alone', m.single),
    fedRow('hub, three sites', m.hub),
    '',
    `First search bytes, hub against one site: ${ratio.toFixed(2)}×.`,
    '',
  ];
}
