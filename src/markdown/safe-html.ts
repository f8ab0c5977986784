/**
 * The output check: what a report body's HTML may hold, read the way a browser reads it. The
 * guard (guard.ts) refuses code in the source; this checks the result before a page uses it
 * (renderer.ts, `body(…, "page")`), fresh or from the cache, so neither a bug in the pipeline nor an
 * edited or planted cache entry can put code on a page: no element that runs or loads code or
 * changes how the page resolves (`<script>`, `<style>`, `<iframe>`, `<object>`, `<embed>`, …), no
 * `on…=` event handler, and only http:, https:, mailto: or in-site addresses in URL attributes.
 * A freshly rendered body's tree gets the same check before it is cached (cheap: no parsing).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { urlScheme } from './guard.ts';

const refusedElements = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'template']);

/** Attributes that hold an address (as hast names them, lower-cased). */
const urlAttributes = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'data', 'xlinkhref', 'codebase', 'longdesc', 'ping', 'manifest']);

const safeSchemes = new Set(['http', 'https', 'mailto']);

/** What is wrong with `html` (a body's HTML), one phrase each ("<script>", "onclick=…"); none when it is safe to publish. */
export const unsafeHtml = (html: string): string[] => unsafeTree(fromHtml(html, { fragment: true }));

/**
 * The same for a tree about to be written out as HTML. A `raw` node (HTML passed through as text)
 * is refused: the pipeline never makes one, and it could hold anything.
 */
export function unsafeTree(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'raw', () => {
    found.push('raw HTML');
  });
  visit(tree, 'element', (node: Element) => {
    if (refusedElements.has(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push(`the event handler ${lower}= on <${node.tagName}>`);
      else if (urlAttributes.has(lower)) {
        for (const url of Array.isArray(value) ? value : [value]) {
          const scheme = urlScheme(String(url));
          if (scheme && !safeSchemes.has(scheme)) found.push(`${lower}="${scheme}:…" on <${node.tagName}>`);
        }
      }
    }
  });
  return found;
}

/** The message when a freshly rendered body fails the output check (a pipeline bug: the guard should have refused it). */
export const unsafeMessage = (found: string[]) =>
  `expected HTML without scripts, styles, frames, objects, event handlers or links other than http:, https:, mailto: or this site, found ${found.join(', ')} in the rendered body; the report pipeline let it through, tell the maintainers (and remove that part of the report meanwhile)`;
