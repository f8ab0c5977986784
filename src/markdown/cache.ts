/**
 * Where the renderer (src/markdown/rendered.ts) keeps each body's HTML and record, and under which
 * key. Light on purpose (no Markdown code is loaded): `npm run build` asks here how many bodies
 * need rendering before it decides how to start.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spellingRule } from '../lib/mentions.ts';
import { splitReport } from '../lib/source-text.ts';
import type { Matchable } from '../lib/mentions.ts';
import { contentDir, contentPathsFor, readContent, siteBase } from '../paths.ts';
import { config } from '../config.ts';
import { localImagesKey } from '../media/images.ts';
import { readToolSpellings } from './tool-spellings.ts';

/** What a body's output depends on besides its text and the pipeline's code. */
export interface RenderOptions {
  /** Registry tools (id + spellings): every mention is recorded, the first per section linked. */
  tools: Matchable[];
  /** Site base path, e.g. "/" or "/kb/". */
  base: string;
}

/**
 * The site's render options, built here and nowhere else: the spellings of the content folder's
 * tools.yaml (read as written; the check's schema-filled copy gives the same `pipelineKey`) and
 * the base path. Throws our problem format when tools.yaml cannot be read.
 */
export const siteRenderOptions = (dir = contentDir): RenderOptions => ({ tools: readToolSpellings(contentPathsFor(dir).tools), base: siteBase });

/** Below this many bodies to render, starting worker threads (src/markdown/render.ts) costs more than it saves. */
export const workerThreshold = 24;

export const cacheDir = config.renderCacheDir;

/** Everything that decides a body's output besides its text: the code that renders it and its options. */
const codeFiles = () => [
  // Every step, src/markdown/rehype/ included.
  ...readdirSync(join('src', 'markdown'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort().map((f) => join('src', 'markdown', f)),
  // Helpers of lib/ the steps call.
  join('src', 'lib', 'mentions.ts'),
  join('src', 'lib', 'frame-ids.ts'),
  join('src', 'lib', 'words.ts'),
  join('src', 'lib', 'source-text.ts'), // the guard's limits
  join('src', 'lib', 'programme.ts'), // host names on video cards (rehype/blocks.ts)
  // The record's schema: the query layer refuses an entry that does not fit it.
  join('src', 'schemas', 'record.ts'),
  // Images: the rules and the markup's names (src/markdown/rehype-images.ts).
  join('src', 'media', 'image-rules.ts'),
  join('src', 'media', 'images.ts'),
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

/** A body's entry: its text and the local images it names (their digests are in its HTML). */
export const cacheFile = (key: string, { file, body }: { file: string; body: string }) =>
  join(cacheDir, `${createHash('sha256').update(key).update('\0').update(body).update('\0').update(localImagesKey(file, body)).digest('hex')}.json`);

/**
 * How many bodies of the report `files` of content folder `dir` the cache does not hold yet, for
 * the site's render options; undefined when that cannot be told (e.g. tools.yaml is unreadable).
 */
export function uncachedBodies(files: string[], dir = contentDir): number | undefined {
  try {
    const key = pipelineKey(siteRenderOptions(dir));
    let missing = 0;
    for (const file of files) {
      const text = readContent(file, dir).text;
      const body = text === undefined ? undefined : splitReport(text, file).parts?.body;
      if (body !== undefined && !existsSync(cacheFile(key, { file, body }))) missing += 1;
    }
    return missing;
  } catch {
    return undefined;
  }
}
