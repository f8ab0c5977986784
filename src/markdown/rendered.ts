/**
 * A report body's HTML and record, rendered once per content. The check, the content loader and
 * the query layer all come here, so a body is processed once until it, the tools registry, the base
 * path or the pipeline's code changes: results are cached on disk under a hash of all of those
 * (node_modules/.cache/hallway/, or $HALLWAY_CACHE; CI may keep it, deleting it is always safe).
 * src/markdown/render.ts renders many at once on every core.
 *
 * A report body is never compiled to code: it is parsed as MDX, checked by the guard, and its HTML
 * is written out as a string. Does not read frontmatter and does not validate anything across
 * reports (src/lib/validate.ts does).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { bodyProblems } from '../check/body.ts';
import { spellingRule } from '../lib/mentions.ts';
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
  // The installed versions of every package (npm's own record of node_modules).
  join('node_modules', '.package-lock.json'),
].filter((file) => existsSync(file));
let codeHash: string | undefined;

/** A hash of the pipeline's code and options; part of every cache key and of the loader's digests. */
export function pipelineKey(options: RenderOptions): string {
  if (!codeHash) {
    const hash = createHash('sha256');
    for (const file of codeFiles()) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
    codeHash = hash.digest('hex');
  }
  const tools = options.tools.map(({ id, match }) => ({ id, match: match.map(spellingRule) }));
  return createHash('sha256').update(codeHash).update(JSON.stringify({ base: options.base, tools })).digest('hex');
}

export const cacheFile = (key: string, body: string) =>
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

