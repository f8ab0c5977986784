/**
 * `npm run bench`: measures build time, peak memory, page weights, the search index and search in a
 * browser on synthetic corpora (scripts/bench/corpus.ts), and reports numbers, never pass/fail.
 *   --sizes 100,1000   corpus sizes (5000 only when asked)
 *   --starlight        also build the stock Starlight anchor (/work/shared/anchors) side by side, A B A B
 *   --out <file>       where the Markdown results go (default bench/results.md)
 *   --seed <n>         corpus seed (default 1)
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { commandLine } from '../src/lib/command-line.ts';
import { astroCacheDir } from '../src/paths.ts';
import { writeCorpus } from './bench/corpus.ts';

const argv = process.argv.slice(2);
const { values, usageError } = commandLine({
  command: 'npm run bench',
  options: { sizes: { type: 'string' }, starlight: { type: 'boolean' }, out: { type: 'string' }, seed: { type: 'string' } },
  usage: `Usage: npm run bench [-- --sizes 100,1000] [--starlight] [--out bench/results.md] [--seed 1]

Builds synthetic corpora of each size, cold and rebuilt, and measures build time, memory, page
weights, the search index and search in a browser; writes the numbers to --out (Markdown).

  --sizes <n,n…>   corpus sizes (default 100,1000; 5000 only when asked)
  --starlight      also build the stock Starlight anchor side by side, A B A B
  --out <file>     where the results go (default bench/results.md)
  --seed <n>       corpus seed (default 1)`,
});
const sizes = (values.sizes ?? '100,1000').split(',').map(Number);
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) usageError('--sizes', `expected whole numbers above 0 separated by commas, found "${values.sizes}"`);
const outFile = values.out ?? 'bench/results.md';
const seed = Number(values.seed ?? '1');
if (!Number.isInteger(seed)) usageError('--seed', `expected a whole number, found "${values.seed}"`);
const starlight = values.starlight === true;
const node = process.execPath;

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN; };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** RSS (bytes) of `pid` and all its descendants, from /proc, in all and by program name (node, pagefind…). */
function treeRss(root: number): { total: number; byName: Map<string, number> } {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(d));
    } catch { /* gone */ }
  }
  let total = 0;
  const byName = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?';
      const key = name.startsWith('pagefind') ? 'pagefind' : 'node'; // Node 24 names its process "MainThread"
      if (m) {
        total += Number(m[1]) * 1024;
        byName.set(key, Math.max(byName.get(key) ?? 0, Number(m[1]) * 1024));
      }
    } catch { /* gone */ }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, byName };
}

interface Run {
  ms: number;
  /** Largest sum of RSS over the process tree. */
  peak: number;
  /** Largest RSS of one Node process, and of the Pagefind indexer. */
  nodePeak: number;
  pagefindPeak: number;
  /** How long the Pagefind indexer ran (first to last sample seen). */
  pagefindMs: number;
  stdout: string;
}
/** Runs a command, sampling the whole process tree's RSS every 100 ms. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((res, rej) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', peak = 0, nodePeak = 0, pagefindPeak = 0, pfFirst = 0, pfLast = 0;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setInterval(() => {
      const { total, byName } = treeRss(child.pid!);
      peak = Math.max(peak, total);
      nodePeak = Math.max(nodePeak, byName.get('node') ?? 0);
      if (byName.has('pagefind')) {
        pagefindPeak = Math.max(pagefindPeak, byName.get('pagefind')!);
        pfFirst ||= performance.now();
        pfLast = performance.now();
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - start;
      if (code !== 0) rej(new Error(`${cmd} ${args.join(' ')} failed (${code}) in ${cwd}:\n${(out + err).slice(-3000)}`));
      else res({ ms, peak, nodePeak, pagefindPeak, pagefindMs: pfLast - pfFirst, stdout: out + err });
    });
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

interface KindRow { kind: string; pages: number; rawMax: number; rawMed: number; gzMax: number; gzMed: number; largest: string; js: number }
const readingKinds = new Set(['reports', 'topics', 'tools', 'events', 'home']);

function weigh(dist: string) {
  const files = walk(dist);
  const rel = (f: string) => relative(dist, f);
  const html = files.filter((f) => f.endsWith('.html') && !rel(f).startsWith('pagefind/'));
  const kindOf = (f: string): string | undefined => {
    const r = rel(f);
    if (r === 'index.html') return 'home';
    const m = /^(reports|topics|tools|events)\/(index\.html|.+\/index\.html)$/.exec(r);
    if (!m) return r === 'search/index.html' ? 'search' : undefined;
    return m[2] === 'index.html' ? `/${m[1]}/ index` : m[1];
  };
  const groups = new Map<string, string[]>();
  for (const f of html) { const k = kindOf(f); if (k) (groups.get(k) ?? groups.set(k, []).get(k)!).push(f); }
  if (existsSync(join(dist, 'rss.xml'))) groups.set('rss.xml', [join(dist, 'rss.xml')]);
  const order = ['reports', 'events', 'topics', 'tools', '/reports/ index', '/events/ index', '/topics/ index', '/tools/ index', 'home', 'search', 'rss.xml'];
  const rows: KindRow[] = order.filter((k) => groups.has(k)).map((kind) => {
    const pages = groups.get(kind)!;
    const sized = pages.map((f) => { const b = readFileSync(f); return { f, raw: b.length, gz: gzipSync(b).length, js: /<script[^>]*\bsrc="[^"]*\.m?js"|import\s*\(?\s*["'][^"']*\.js["']|href="[^"]*\.m?js"/.test(b.toString('utf8')) }; });
    const largest = sized.reduce((a, b) => (b.gz > a.gz ? b : a));
    return {
      kind, pages: pages.length,
      rawMax: Math.max(...sized.map((x) => x.raw)), rawMed: median(sized.map((x) => x.raw)),
      gzMax: Math.max(...sized.map((x) => x.gz)), gzMed: median(sized.map((x) => x.gz)),
      largest: '/' + rel(largest.f).replace(/index\.html$/, ''),
      js: sized.filter((x) => x.js).length,
    };
  });
  const pf = files.filter((f) => rel(f).startsWith('pagefind/'));
  const size = (fs: string[]) => fs.reduce((a, f) => a + statSync(f).size, 0);
  return { htmlPages: html.length, rows, total: size(files), pagefind: size(pf), pagefindFiles: pf.length };
}

/** Search on /search/ in headless Chromium: ms from the last keystroke to results rendered, bytes transferred. */
async function measureSearch(dist: string, word: string, reps = 3) {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('../tests/helpers/serve.ts');
  const served = await serve(dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const out: { ms: number; loadBytes: number; searchBytes: number; results: number }[] = [];
  try {
    for (let i = 0; i < reps; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Every response of the context (a worker's too, were there one), counted as a compressing server
      // would send it: text gzipped, Pagefind's own files (already gzipped) and images as they are.
      let bytes = 0;
      let inFlight = 0;
      let lastDone = performance.now();
      context.on('request', () => (inFlight += 1));
      context.on('requestfailed', () => ((inFlight -= 1), (lastDone = performance.now())));
      context.on('requestfinished', (request) => {
        inFlight -= 1;
        lastDone = performance.now();
        void request.response().then(async (response) => {
          const body = await response?.body().catch(() => undefined);
          if (!body) return;
          const type = response!.headers()['content-type'] ?? '';
          bytes += /text|javascript|json|xml|svg/.test(type) ? gzipSync(body).length : body.length;
        });
      });
      await page.goto(`${served.url}search/`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(200);
      const loadBytes = bytes;
      await page.evaluate(() => {
        const w = window as unknown as { __key: number; __done: number };
        document.getElementById('search-q')!.addEventListener('keydown', () => { w.__key = performance.now(); w.__done = 0; });
        const list = document.getElementById('search-results')!;
        new MutationObserver(() => { if (list.children.length) w.__done = performance.now(); }).observe(list, { childList: true, subtree: true });
      });
      // The search page loads the index when the field gets focus: the budget is for results "once
      // loaded", so typing starts when the network has been quiet for half a second.
      await page.click('#search-q');
      while (inFlight > 0 || performance.now() - lastDone < 500) await page.waitForTimeout(50);
      await page.keyboard.type(word, { delay: 60 });
      await page.waitForFunction(() => { const w = window as unknown as { __key: number; __done: number }; return w.__done > w.__key; }, undefined, { timeout: 20000, polling: 'raf' });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const r = await page.evaluate(() => { const w = window as unknown as { __key: number; __done: number }; return { ms: w.__done - w.__key, n: document.querySelectorAll('#search-results > li').length }; });
      out.push({ ms: r.ms, loadBytes, searchBytes: bytes - loadBytes, results: r.n });
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return { ms: median(out.map((o) => o.ms)), all: out.map((o) => Math.round(o.ms)), loadBytes: median(out.map((o) => o.loadBytes)), searchBytes: median(out.map((o) => o.searchBytes)), results: out[0]?.results ?? 0 };
}

function machine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || String(cpus().length);
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${nproc} cores (\`nproc\`), ${cpu} · ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · Node ${process.version} · git ${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim()}`;
}

/** The most frequent topic word in the corpus's headings, as a search term. */
function frequentWord(contentDir: string): string {
  const counts = new Map<string, number>();
  for (const f of readdirSync(join(contentDir, 'reports'))) {
    for (const m of readFileSync(join(contentDir, 'reports', f), 'utf8').matchAll(/- topic: ([a-z]+)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'kubernetes';
}


/**
 * Forgets everything a previous build of `content` left (rendered reports, cards, the search index,
 * Astro's data store and incremental cache) and its output, which Starlight's side loses before its
 * build too: the next build is cold and does not spend its time deleting the last one's site.
 */
function coldCaches(content: string, reportCache: string) {
  rmSync(join(dirname(reportCache), 'dist'), { recursive: true, force: true });
  rmSync(reportCache, { recursive: true, force: true });
  rmSync(join(dirname(reportCache), 'og-cache'), { recursive: true, force: true });
  rmSync(join(dirname(reportCache), 'search-cache'), { recursive: true, force: true });
  rmSync(astroCacheDir(content, '/'), { recursive: true, force: true });
}

async function starlightBuilds(n: number, work: string, reps: number, ours: () => Promise<Run>) {
  const anchors = '/work/shared/anchors';
  const sl = join(work, 'sl');
  cpSync(join(anchors, 'starlight'), sl, { recursive: true, filter: (s) => !s.includes('node_modules') });
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: sl, stdio: 'inherit', env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` } });
  if (npm.status !== 0) throw new Error('npm install of the Starlight anchor failed');
  const gen = join(anchors, 'gen-corpus.mjs');
  spawnSync(node, [gen, '--seeds-only', '--format', 'starlight', '--out', 'src/content/docs/reports'], { cwd: sl, stdio: 'inherit' });
  spawnSync(node, [gen, '--n', String(n), '--seed', String(seed), '--format', 'starlight', '--out', 'src/content/docs/reports'], { cwd: sl, stdio: 'inherit' });
  const a: Run[] = [], b: Run[] = [];
  for (let i = 0; i < reps; i++) {
    a.push(await ours());
    rmSync(join(sl, 'dist'), { recursive: true, force: true });
    rmSync(join(sl, 'node_modules', '.astro'), { recursive: true, force: true });
    b.push(await run(node, [join(sl, 'node_modules/astro/bin/astro.mjs'), 'build'], sl, { PATH: `${join(sl, 'node_modules/.bin')}:${dirname(node)}:${process.env.PATH}` }));
  }
  return { ours: a, starlight: b, dist: join(sl, 'dist') };
}

async function main() {
  const lines: string[] = ['# Benchmark results', '', `Written by \`npm run bench -- ${argv.join(' ')}\`. Machine: ${machine()}.`, '',
    'Build = `node scripts/build.ts --silent` (the check, then `astro build` with Pagefind), wall time, cold: no rendered report or Astro data store left from an earlier run (both are kept by a rebuild, as on a developer\'s machine or a CI with a cache); peak memory = the largest sum of VmRSS over the whole process tree, sampled every 100 ms. Check = `node scripts/check.ts` alone. Pages: largest / median, raw and gzip. Search: headless Chromium on `/search/`, a cold context each time, the field focused (which loads the index) and typed into once the network is quiet, ms from the last keydown to the first result in the list (which includes the 300 ms the page waits for the reader to stop typing before it fetches results), bytes of every response in the browser context, text gzipped as a compressing server sends it, Pagefind’s pre-compressed files as they are, median of 3.', ''];
  const emit = (l: string[]) => { lines.push(...l); console.log(l.join('\n')); };
  console.log(lines.join('\n'));
  for (const n of sizes) {
    const work = mkdtempSync(join(tmpdir(), `hallway-bench-${n}-`));
    try {
      const content = join(work, 'content');
      const dist = join(work, 'dist');
      const tg = performance.now();
      writeCorpus({ n, seed, out: content });
      const genMs = performance.now() - tg;
      const reportCache = join(work, 'report-cache');
      const env = { CONTENT_DIR: content, OUT_DIR: dist, HALLWAY_CACHE: reportCache, OG_CACHE_DIR: join(work, 'og-cache'), HALLWAY_SEARCH_CACHE: join(work, 'search-cache') };
      // Cold: nothing rendered or loaded by an earlier run. The check alone gets its own cold cache.
      const check = await run(node, ['scripts/check.ts'], process.cwd(), { ...env, HALLWAY_CACHE: join(work, 'check-cache') });
      coldCaches(content, reportCache);
      const build = await run(node, ['scripts/build.ts', '--silent'], process.cwd(), env);
      const unchanged = await run(node, ['scripts/build.ts', '--silent'], process.cwd(), env);
      const w = weigh(dist);
      const word = frequentWord(content);
      let search: Awaited<ReturnType<typeof measureSearch>> | undefined;
      let searchError = '';
      try { search = await measureSearch(dist, word); } catch (e) { searchError = String(e).split('\n')[0]!; }
      const f = join(content, 'reports', readdirSync(join(content, 'reports')).sort()[0]!);
      appendFileSync(f, '\nOne more sentence, added to time a rebuild after a one-file edit.\n');
      const rebuild = await run(node, ['scripts/build.ts', '--silent'], process.cwd(), env);
      const t: string[] = [`## ${n} reports (seed ${seed})`, '', '| measure | value |', '| --- | --- |',
        `| corpus generation + its check | ${s1(genMs)} |`,
        `| check alone, cold (\`scripts/check.ts\`) | ${s1(check.ms)}, peak ${mb(check.peak)} |`,
        `| **build, cold** (check + astro build + Pagefind) | **${s1(build.ms)}** (${((build.ms / n)).toFixed(1)} ms per report), peak **${mb(build.peak)}** |`,
        `| of which Pagefind indexing | ≈ ${s1(build.pagefindMs)} |`,
        `| peak of one process: Node / Pagefind | ${mb(build.nodePeak)} / ${mb(build.pagefindPeak)} |`,
        `| rebuild, nothing changed | ${s1(unchanged.ms)}, peak ${mb(unchanged.peak)} |`,
        `| rebuild after editing one report | ${s1(rebuild.ms)}, peak ${mb(rebuild.peak)} |`,
        `| HTML pages | ${w.htmlPages} |`,
        `| dist | ${mb(w.total)} |`,
        `| Pagefind index | ${mb(w.pagefind)} in ${w.pagefindFiles} files |`,
        search ? `| search "${word}" (${search.results} results shown) | ${Math.round(search.ms)} ms median (${search.all.join(', ')}) |` : `| search | failed: ${searchError} |`,
        ...(search ? [`| search bytes: page load / first search / total | ${kb(search.loadBytes)} / ${kb(search.searchBytes)} / ${kb(search.loadBytes + search.searchBytes)} |`] : []),
        '', '| page type | pages | largest raw | largest gzip | median raw | median gzip | largest page | pages referencing .js |', '| --- | --: | --: | --: | --: | --: | --- | --: |',
        ...w.rows.map((r) => `| ${r.kind} | ${r.pages} | ${kb(r.rawMax)} | ${kb(r.gzMax)} | ${kb(r.rawMed)} | ${kb(r.gzMed)} | \`${r.largest}\` | ${r.js}${readingKinds.has(r.kind) && r.js ? ' ⚠' : ''} |`),
        ''];
      emit(t);
      if (starlight && n >= 1000) {
        const sl = await starlightBuilds(n, work, 2, () => {
          coldCaches(content, reportCache);
          return run(node, ['scripts/build.ts', '--silent'], process.cwd(), env);
        });
        const slw = weigh(sl.dist);
        emit([`### Side by side with stock Starlight at ${n} pages (A B A B, medians)`, '', '| | build | peak memory | HTML pages | dist |', '| --- | --: | --: | --: | --: |',
          `| Hallway Track | ${s1(median(sl.ours.map((r) => r.ms)))} (${sl.ours.map((r) => s1(r.ms)).join(', ')}) | ${mb(median(sl.ours.map((r) => r.peak)))} | ${w.htmlPages} | ${mb(w.total)} |`,
          `| Starlight | ${s1(median(sl.starlight.map((r) => r.ms)))} (${sl.starlight.map((r) => s1(r.ms)).join(', ')}) | ${mb(median(sl.starlight.map((r) => r.peak)))} | ${slw.htmlPages} | ${mb(slw.total)} |`, '']);
      }
    } finally {
      rmSync(astroCacheDir(join(work, 'content'), '/'), { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  }
  mkdirSync(dirname(resolve(outFile)), { recursive: true });
  writeFileSync(outFile, lines.join('\n'));
  console.log(`\nWritten to ${outFile}`);
}

await main();
