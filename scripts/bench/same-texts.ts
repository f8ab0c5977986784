/**
 * The side-by-side comparison builds both sites from the same page texts: each of our synthetic
 * reports (corpus.ts, checked) becomes one Starlight page with the same body byte for byte, its
 * title, and its summary as the description. This way round because the anchors' gen-corpus.mjs
 * takes headings from the seed texts' page chrome ("Join the Mailing List", "May 05, 2018"), which
 * our check rightly refuses in a report.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isImageFile } from '../../src/media/images.ts';

const frontmatter = /^---\n([\s\S]*?)\n---\n/;

/** A report's text as a Starlight page: frontmatter title and description, the same body. */
export function starlightPage(report: string, file = 'report'): string {
  const m = frontmatter.exec(report);
  if (!m) throw new Error(`${file}:1: (frontmatter): expected a "---" block with title and summary, found none`);
  const data = parseYaml(m[1]!) as { title?: unknown; summary?: unknown };
  if (typeof data.title !== 'string' || typeof data.summary !== 'string') {
    throw new Error(`${file}:2: title: expected a title and a summary, found ${JSON.stringify(data)}`);
  }
  return `---\ntitle: ${JSON.stringify(data.title)}\ndescription: ${JSON.stringify(data.summary)}\n---\n${report.slice(m[0].length)}`;
}

/**
 * Writes every report of `content` as a Starlight page into `pages`, each read back, and copies the
 * reports' photos beside them (Starlight then builds the same pictures with its own image pipeline);
 * returns the page texts.
 */
export function writeStarlightPages(content: string, pages: string): string[] {
  mkdirSync(pages, { recursive: true });
  const reports = join(content, 'reports');
  for (const name of readdirSync(reports).filter(isImageFile)) copyFileSync(join(reports, name), join(pages, name));
  return readdirSync(reports).filter((f) => f.endsWith('.mdx')).sort().map((f) => {
    const page = starlightPage(readFileSync(join(reports, f), 'utf8'), join(reports, f));
    const out = join(pages, basename(f));
    writeFileSync(out, page);
    if (readFileSync(out, 'utf8') !== page) throw new Error(`${out}: expected the page as written, found other bytes on reading it back`);
    return page;
  });
}

