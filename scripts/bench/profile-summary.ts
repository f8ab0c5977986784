/**
 * Summarises V8 .cpuprofile files (from `node --cpu-prof`): self and inclusive time by package
 * (node_modules/<pkg>, or src/<file>, or node:internal) and the top functions by self time.
 * Usage: node scripts/bench/profile-summary.ts <dir-or-files…>
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export function bucket(url: string): string {
  if (!url) return '(native/gc/idle)';
  if (url.startsWith('node:')) return 'node: internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = /\/(src|scripts)\/(.*)$/.exec(url);
  if (src) return `${src[1]}/${src[2]!.replace(/\?.*$/, '')}`;
  if (url.includes('/dist/') || url.includes('.prerender') || url.includes('chunks')) return `(built chunks) ${url.replace(/^.*\/(dist|\.astro|chunks)\//, '$1/').slice(0, 60)}`;
  return url.replace(/^file:\/\//, '').slice(-60);
}

export function summarise(p: Profile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  p.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const self = new Map<string, number>(), incl = new Map<string, number>(), fn = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const n = byId.get(id)!;
    const b = bucket(n.callFrame.url);
    self.set(b, (self.get(b) ?? 0) + ms);
    const name = n.callFrame.functionName || '(anonymous)';
    const key = `${name} (${b}:${n.callFrame.lineNumber + 1})`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const bb = bucket(byId.get(cur)!.callFrame.url);
      if (!seen.has(bb)) { seen.add(bb); incl.set(bb, (incl.get(bb) ?? 0) + ms); }
    }
  }
  const total = (p.endTime - p.startTime) / 1000;
  return { total, self, incl, fn };
}

if (import.meta.main) {
  const files = process.argv.slice(2).flatMap((a) => (statSync(a).isDirectory() ? readdirSync(a).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(a, f)) : [a]));
  for (const f of files) {
    const { total, self, incl, fn } = summarise(JSON.parse(readFileSync(f, 'utf8')) as Profile);
    const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, ms]) => `| ${n} | ${(ms / 1000).toFixed(2)} s | ${((ms / total) * 100).toFixed(1)} % |`).join('\n');
    console.log(`\n### ${f.split('/').pop()} — ${(total / 1000).toFixed(1)} s profiled\n\nSelf time by package/file:\n\n| package/file | self | share |\n| --- | --: | --: |\n${top(self, 15)}\n\nInclusive time by package/file (time with a frame of it on the stack):\n\n| package/file | inclusive | share |\n| --- | --: | --: |\n${top(incl, 15)}\n\nTop functions by self time:\n\n| function (file:line) | self | share |\n| --- | --: | --: |\n${top(fn, 15)}`);
  }
}
