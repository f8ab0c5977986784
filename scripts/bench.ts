/**
 * `npm run bench`: measures what the notes report, as numbers, never as pass/fail.
 * Build time (3 runs), page counts, HTML+CSS size per page type (raw and gzip), the Pagefind
 * index and its JS, and the same for a synthetic catalogue of N× the reports (BENCH_SCALE, default 20).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const scale = Number(process.env.BENCH_SCALE ?? 20);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

function build(cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--silent'], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`build failed in ${cwd}`);
  return (performance.now() - start) / 1000;
}

function weigh(dist: string) {
  const files = walk(dist);
  const html = files.filter((f) => f.endsWith('.html') && !f.includes('/pagefind/'));
  const kinds = ['reports', 'topics', 'events', 'tools'];
  const rows = kinds.map((kind) => {
    const pages = html.filter((f) => f.startsWith(join(dist, kind) + '/') && f !== join(dist, kind, 'index.html'));
    const gz = pages.map((f) => gzipSync(readFileSync(f)).length);
    const raw = pages.map((f) => statSync(f).size);
    return { kind, pages: pages.length, rawMax: Math.max(...raw), gzMax: Math.max(...gz), gzMean: Math.round(gz.reduce((a, b) => a + b, 0) / gz.length) };
  });
  const pf = files.filter((f) => f.includes('/pagefind/'));
  const pfJs = pf.filter((f) => f.endsWith('.js'));
  return {
    htmlPages: html.length,
    rows,
    home: gzipSync(readFileSync(join(dist, 'index.html'))).length,
    pagefindFiles: pf.length,
    pagefindBytes: pf.reduce((a, f) => a + statSync(f).size, 0),
    pagefindJsGz: pfJs.reduce((a, f) => a + gzipSync(readFileSync(f)).length, 0),
    totalBytes: files.reduce((a, f) => a + statSync(f).size, 0),
  };
}

function report(label: string, times: number[], w: ReturnType<typeof weigh>) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`\n## ${label}`);
  console.log(`build: ${times.map((t) => `${t.toFixed(1)} s`).join(', ')} (median ${times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(1)} s)`);
  console.log(`pages: ${w.htmlPages} HTML; whole site ${kb(w.totalBytes)}`);
  console.log(`home: ${kb(w.home)} gzip (HTML + inline CSS)`);
  for (const r of w.rows) console.log(`${r.kind}: ${r.pages} pages, largest ${kb(r.rawMax)} raw / ${kb(r.gzMax)} gzip, mean ${kb(r.gzMean)} gzip`);
  console.log(`pagefind: ${w.pagefindFiles} files, ${kb(w.pagefindBytes)} on disk; its JS ${kb(w.pagefindJsGz)} gzip (loaded only when a search starts)`);
}

// 1. The real site.
const times = [build('.'), build('.'), build('.')];
report(`real content (${readdirSync('content/reports').length} reports)`, times, weigh('dist'));

// 2. A synthetic catalogue: every report copied `scale` times under new slugs.
const work = mkdtempSync(join(tmpdir(), 'hallway-bench-'));
try {
  for (const part of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'scripts']) {
    cpSync(part, join(work, part), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(work, 'node_modules'), 'dir');
  const reports = readdirSync('content/reports').filter((f) => f.endsWith('.mdx'));
  for (let i = 1; i < scale; i++) {
    for (const f of reports) {
      writeFileSync(join(work, 'content/reports', f.replace('.mdx', `-copy-${i}.mdx`)), readFileSync(join('content/reports', f), 'utf8'));
    }
  }
  const t = [build(work)];
  report(`synthetic: ${reports.length * scale} reports (each real report ×${scale})`, t, weigh(join(work, 'dist')));
} finally {
  rmSync(work, { recursive: true, force: true });
}
