/**
 * One report body's HTML and record, rendered once per content and cached on disk under a hash of
 * the body, the tools registry, the base path and the pipeline's code (node_modules/.cache/hallway/,
 * or $HALLWAY_CACHE; CI may keep it, deleting it is always safe). Callers go through the render
 * contract (src/markdown/renderer.ts); src/markdown/render.ts renders many at once on every core.
 *
 * A cache may come from anywhere (CI restores caches across branches), so an entry is used only
 * when it matches the digest it carries, and its HTML goes on a page (`pageBody`) only when it
 * passes the output check (safe-html.ts); otherwise it is a miss, rendered from the source again
 * and rewritten. A freshly rendered body passes the same check or it is a problem of the body.
 *
 * A report body is never compiled to code: it is parsed as MDX, checked by the guard, and its HTML
 * is written out as a string. Does not read frontmatter and does not validate anything across
 * reports (src/lib/validate.ts does).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { bodyProblems } from './body-problems.ts';
import type { Problem } from '../lib/problems.ts';
import { cacheDir, cacheFile } from './cache.ts';
import type { createReportProcessor } from './pipeline.ts';
import type { ReportRecord } from '../schemas/record.ts';
import { unsafeHtml, unsafeMessage, unsafeTree } from './safe-html.ts';

/** The pipeline, built once per renderer (src/markdown/renderer.ts) and only when a body must be rendered. */
export type ProcessorOf = () => ReturnType<typeof createReportProcessor>;

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

const digest = (json: string) => createHash('sha256').update(json).digest('hex');

/**
 * An entry is its content's digest, a newline and the content (JSON). Undefined (a miss) when it
 * is missing, unreadable, does not match its digest, or is not what `writeCached` writes (HTML,
 * no problems); with `forPage`, also when its HTML fails the output check.
 */
function readCached(path: string, forPage: boolean): RenderedBody | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const json = text.slice(newline + 1);
    if (newline < 0 || digest(json) !== text.slice(0, newline)) return undefined;
    const cached = JSON.parse(json) as RenderedBody;
    if (typeof cached.html !== 'string' || !Array.isArray(cached.problems) || cached.problems.length) return undefined;
    return forPage && unsafeHtml(cached.html).length ? undefined : cached;
  } catch {
    return undefined;
  }
}

function writeCached(path: string, result: RenderedBody) {
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a reader never sees half a file (workers write side by side).
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  const json = JSON.stringify(result);
  writeFileSync(partial, `${digest(json)}\n${json}`);
  renameSync(partial, path);
}

/** Renders one body now (no cache). Never throws on bad content: problems come back with lines. */
export function renderNow(input: BodyInput, processorOf: ProcessorOf): RenderedBody {
  const processor = processorOf();
  const file = new VFile({ path: input.file, value: input.body });
  let tree: Root | undefined;
  const problems = bodyProblems(() => {
    tree = processor.runSync(processor.parse(file), file) as Root;
  }, file);
  const unsafe = tree && !problems.length ? unsafeTree(tree) : [];
  if (unsafe.length) problems.push({ field: 'body', message: unsafeMessage(unsafe) });
  const html = tree && !problems.length ? toHtml(tree) : undefined;
  return { ...(html !== undefined && { html }), ...(file.data.record && { record: file.data.record }), problems };
}

/**
 * One body, from the cache or rendered now (and cached when it has no problems); `key` is
 * `pipelineKey(options)`. With `forPage`, cached HTML is used only when it passes the output check,
 * read as a browser reads it (else it is rendered again and the entry rewritten).
 */
export function renderBody(input: BodyInput, key: string, processorOf: ProcessorOf, forPage = false): RenderedBody {
  const path = cacheFile(key, input);
  const cached = readCached(path, forPage);
  if (cached) return cached;
  const result = renderNow(input, processorOf);
  if (!result.problems.length) writeCached(path, result);
  return result;
}
