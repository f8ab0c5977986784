/** Reads a built site (dist/ or dist-kb/) for tests: pages, parsed HTML, link resolution. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface Site {
  dir: string;
  base: string;
  /** URL paths of every HTML page, e.g. "/kb/reports/x/". */
  pages: string[];
  /** Parsed HTML of a page by URL path (cached). */
  page(path: string): HTMLElement;
  /** The file a URL path is served from, or undefined. */
  fileFor(path: string): string | undefined;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function openSite(dir = 'dist', base = '/'): Site {
  if (!existsSync(dir)) throw new Error(`${dir}/ does not exist: run npm run build first (npm test does)`);
  const cache = new Map<string, HTMLElement>();
  const fileFor = (path: string) => {
    if (!path.startsWith(base)) return undefined;
    const rel = decodeURIComponent(path.slice(base.length));
    const candidates = rel === '' || rel.endsWith('/') ? [join(dir, rel, 'index.html')] : [join(dir, rel)];
    return candidates.find((f) => existsSync(f) && statSync(f).isFile());
  };
  return {
    dir,
    base,
    pages: walk(dir)
      .filter((f) => f.endsWith('.html') && !f.includes(`${join(dir, 'pagefind')}`))
      .map((f) => base + relative(dir, f).replace(/index\.html$/, '').replace(/\\/g, '/'))
      .sort(),
    fileFor,
    page(path) {
      let doc = cache.get(path);
      if (!doc) {
        const file = fileFor(path);
        if (!file) throw new Error(`no page at ${path} in ${dir}/`);
        doc = parse(readFileSync(file, 'utf8'));
        cache.set(path, doc);
      }
      return doc;
    },
  };
}

/** Visible text of an element with the given selectors removed (e.g. editor's notes). */
export function textWithout(element: HTMLElement, ...selectors: string[]): string {
  // node-html-parser keeps a <pre>'s content as raw markup by default: a highlighted code block would read "<span …>day:</span>".
  const copy = parse(element.outerHTML, { blockTextElements: { script: true, noscript: true, style: true } });
  for (const selector of selectors) copy.querySelectorAll(selector).forEach((e) => e.remove());
  return copy.textContent;
}
