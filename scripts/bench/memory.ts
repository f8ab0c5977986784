/**
 * Runs a command and samples the memory of its whole process tree from /proc every 100 ms: a build
 * is Node, its worker threads and the Pagefind indexer, so one process's RSS would say too little.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** RSS (bytes) of `root` and all its descendants: in all, and the largest process per program (node, pagefind). */
export function treeRss(root: number): { total: number; byName: Map<string, number> } {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(d));
    } catch { /* the process ended meanwhile */ }
  }
  let total = 0;
  const byName = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?';
      const key = name.startsWith('pagefind') ? 'pagefind' : 'node'; // Node 24 names its process "MainThread"
      total += rss;
      byName.set(key, Math.max(byName.get(key) ?? 0, rss));
    } catch { /* the process ended meanwhile */ }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, byName };
}

export interface Run {
  ms: number;
  /** Largest sum of RSS over the process tree. */
  peak: number;
  /** Largest RSS of one Node process, and of the Pagefind indexer. */
  nodePeak: number;
  pagefindPeak: number;
  /** How long the Pagefind indexer ran (first to last sample it was seen in). */
  pagefindMs: number;
  output: string;
}

/** Runs `cmd`, sampling its tree's RSS every 100 ms; rejects with the output's end when it fails. */
export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const result = { peak: 0, nodePeak: 0, pagefindPeak: 0, pagefindFirst: 0, pagefindLast: 0 };
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setInterval(() => {
      const { total, byName } = treeRss(child.pid!);
      result.peak = Math.max(result.peak, total);
      result.nodePeak = Math.max(result.nodePeak, byName.get('node') ?? 0);
      if (byName.has('pagefind')) {
        result.pagefindPeak = Math.max(result.pagefindPeak, byName.get('pagefind')!);
        result.pagefindFirst ||= performance.now();
        result.pagefindLast = performance.now();
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} failed (${code}) in ${cwd}:\n${output.slice(-3000)}`));
      else resolve({ ms, peak: result.peak, nodePeak: result.nodePeak, pagefindPeak: result.pagefindPeak, pagefindMs: result.pagefindLast - result.pagefindFirst, output });
    });
  });
}
