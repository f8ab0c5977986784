/**
 * Renders report bodies to HTML and records, once per content. The check (which `npm run build`
 * runs first) and the site's content loader (src/loaders/reports.ts) both come here, so a body is
 * processed once until it, the tools registry, the base path or the pipeline's code changes:
 * results are cached on disk under a hash of all of those (node_modules/.cache/hallway/, or
 * $HALLWAY_CACHE; CI may keep it between runs, deleting it is always safe).
 *
 * A report body is never compiled to code: it is parsed as MDX, checked by the guard, and its HTML
 * is written out as a string. Many misses at once (a cold build) are spread over worker threads.
 * Does not read frontmatter and does not validate anything across reports (src/lib/validate.ts does).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { bodyProblems } from '../check/body.ts';
import type { Problem } from '../lib/problems.ts';
import { createReportProcessor, type PipelineOptions } from './pipeline.ts';
import type { ReportRecord } from './record.ts';

export type RenderOptions = Omit<PipelineOptions, 'strict'>;

export interface RenderedBody {
  /** The body's HTML; absent when the body has problems (the record may still be there, for the check). */
  html?: string;
  record?: ReportRecord;
  /** What is wrong with the body, with lines (no file: the caller knows it). */
  problems: Omit<Problem, 'file'>[];
}

export interface BodyInput {
  /** The report's path, for messages. */
  file: string;
  /** The body with the frontmatter lines blanked (src/lib/source-text.ts), so lines are the file's. */
  body: string;
}

export const cacheDir = process.env.HALLWAY_CACHE ?? join('node_modules', '.cache', 'hallway', 'reports');

/** Everything that decides a body's output besides its text: the code that renders it and its options. */
const codeFiles = () => [
  ...readdirSync(join('src', 'markdown')).filter((f) => f.endsWith('.ts')).sort().map((f) => join('src', 'markdown', f)),
  join('src', 'lib', 'mentions.ts'),
  join('src', 'check', 'body.ts'),
  'package-lock.json',
];
let codeHash: string | undefined;

/** A hash of the pipeline's code and options; part of every cache key and of the loader's digests. */
export function pipelineKey(options: RenderOptions): string {
  if (!codeHash) {
    const hash = createHash('sha256');
    for (const file of codeFiles()) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
    codeHash = hash.digest('hex');
  }
  const tools = options.tools.map(({ id, match }) => ({ id, match }));
  return createHash('sha256').update(codeHash).update(JSON.stringify({ base: options.base, tools })).digest('hex');
}

const cacheFile = (key: string, body: string) =>
  join(cacheDir, `${createHash('sha256').update(key).update('\0').update(body).digest('hex')}.json`);

function readCached(path: string): RenderedBody | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RenderedBody;
  } catch {
    return undefined;
  }
}

function writeCached(path: string, result: RenderedBody) {
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a reader never sees half a file (workers write side by side).
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  writeFileSync(partial, JSON.stringify(result));
  renameSync(partial, path);
}

/** Renders one body now (no cache). Never throws on bad content: problems come back with lines. */
function renderNow(input: BodyInput, options: RenderOptions, processor = createReportProcessor({ ...options, strict: false })): RenderedBody {
  const file = new VFile({ path: input.file, value: input.body });
  let tree: Root | undefined;
  const problems = bodyProblems(() => {
    tree = processor.runSync(processor.parse(file), file) as Root;
  }, file);
  const html = tree && !problems.length ? toHtml(tree) : undefined;
  return { ...(html !== undefined && { html }), ...(file.data.record && { record: file.data.record }), problems };
}

/**
 * One body, from the cache or rendered now (and cached when it has no problems). `key` is
 * `pipelineKey(options)`, computed once by the caller.
 */
export function renderBody(input: BodyInput, options: RenderOptions, key = pipelineKey(options), processor?: ReturnType<typeof createReportProcessor>): RenderedBody {
  const path = cacheFile(key, input.body);
  const cached = readCached(path);
  if (cached) return cached;
  const result = renderNow(input, options, processor);
  if (!result.problems.length) writeCached(path, result);
  return result;
}

/** Below this many misses, starting workers costs more than it saves. */
const workerThreshold = 24;

/**
 * Renders every body the cache does not hold, spread over worker threads when there are enough
 * of them, and keeps nothing in memory: `renderBodies` or `renderBody` then read the cache. Bodies
 * with problems are not cached (they are rendered again when read, to report them).
 */
export async function warmCache(inputs: BodyInput[], options: RenderOptions): Promise<void> {
  const key = pipelineKey(options);
  const misses = inputs.filter((input) => !existsSync(cacheFile(key, input.body)));
  const threads = Math.min(availableParallelism(), Math.floor(misses.length / workerThreshold));
  if (threads >= 2) {
    await Promise.all(Array.from({ length: threads }, (_, t) => inWorker(misses.filter((_, j) => j % threads === t), options)));
  } else if (misses.length) {
    const processor = createReportProcessor({ ...options, strict: false });
    for (const input of misses) renderBody(input, options, key, processor);
  }
}

/** Many bodies, in the order of `inputs`: the cache is warmed first (on every core), then read. */
export async function renderBodies(inputs: BodyInput[], options: RenderOptions): Promise<RenderedBody[]> {
  await warmCache(inputs, options);
  const key = pipelineKey(options);
  const processor = createReportProcessor({ ...options, strict: false });
  return inputs.map((input) => renderBody(input, options, key, processor));
}

function inWorker(inputs: BodyInput[], options: RenderOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: { inputs, options } });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the report renderer stopped with code ${code}`)));
  });
}
