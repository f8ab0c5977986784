/**
 * The side-by-side comparison builds both sites from the same page texts: the Starlight peer's
 * pages come from the anchors' gen-corpus.mjs, and each of our reports keeps one page's body byte
 * for byte, with the frontmatter our schema needs chosen by corpus.ts (event, author, topics, talks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { GivenPage } from './corpus.ts';

const frontmatter = /^---\n([\s\S]*?)\n---\n/;

/** A Starlight page (gen-corpus.mjs --format starlight) as a report's parts: title, summary, body, `##` headings. */
export function pageParts(text: string, file = 'page'): GivenPage {
  const m = frontmatter.exec(text);
  if (!m) throw new Error(`${file}:1: (frontmatter): expected a "---" block with title and description, found none`);
  const data = parseYaml(m[1]!) as { title?: unknown; description?: unknown };
  if (typeof data.title !== 'string' || typeof data.description !== 'string') {
    throw new Error(`${file}:2: title: expected a title and a description, found ${JSON.stringify(data)}`);
  }
  const body = text.slice(m[0].length);
  // Heading text as a reader sees it: gen-corpus escapes { } < > with a backslash for MDX.
  const h2 = [...body.matchAll(/^## (.+)$/gm)].map((h) => h[1]!.replace(/\\([{}<>])/g, '$1'));
  return { title: data.title, summary: data.description, body, h2 };
}

/** Every generated page of `dir` (report-0001.mdx …) in order, as parts. */
export function readPages(dir: string): GivenPage[] {
  return readdirSync(dir)
    .filter((f) => /^report-\d+\.mdx$/.test(f))
    .sort()
    .map((f) => pageParts(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}
