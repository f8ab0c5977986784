/**
 * Where the renderer (src/markdown/rendered.ts) keeps each body's HTML and record, and under which
 * key. Light on purpose (no Markdown code is loaded): `npm run build` asks here how many bodies
 * need rendering before it decides how to start.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spellingRule } from '../lib/mentions.ts';
import { splitReport } from '../lib/source-text.ts';
import type { PipelineOptions } from './pipeline.ts';
import { readContent } from '../paths.ts';
import { config } from '../site/config.ts';
import { localImagesKey } from '../media/images.ts';
import { readToolSpellings } from './tool-spellings.ts';

type RenderOptions = Omit<PipelineOptions, 'strict'>;

/** Below this many bodies to render, starting worker threads (src/markdown/render.ts) costs more than it saves. */
export const workerThreshold = 24;

export const cacheDir = config.renderCacheDir;

/** Everything that decides a body's output besides its text: the code that renders it and its options. */
const codeFiles = () => [
  ...readdirSync(join('src', 'markdown')).filter((f) => f.endsWith('.ts')).sort().map((f) => join('src', 'markdown', f)),
  join('src', 'lib', 'mentions.ts'),
  join('src', 'check', 'body.ts'),
  // Images: the rules and the markup's names (src/markdown/rehype-images.ts).
  join('src', 'check', 'image-rules.ts'),
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
 * How many bodies of the report `files` the cache does not hold yet, for the tools of `toolsFile`
 * and `base`; undefined when that cannot be told (e.g. tools.yaml is unreadable).
 */
export function uncachedBodies(files: string[], toolsFile: string, base: string): number | undefined {
  try {
    const key = pipelineKey({ tools: readToolSpellings(toolsFile), base });
    let missing = 0;
    for (const file of files) {
      const text = readContent(file, dirname(toolsFile)).text;
      const body = text === undefined ? undefined : splitReport(text, file).parts?.body;
      if (body !== undefined && !existsSync(cacheFile(key, { file, body }))) missing += 1;
    }
    return missing;
  } catch {
    return undefined;
  }
}
