/**
 * The first step after a report body is parsed: content is data, never code. It refuses every MDX
 * construct that could run at build time or reach the environment — `import`/`export`, `{…}`
 * expressions in text, flow and attributes, any component but `<Ed>` — and every link whose
 * scheme is not http, https or mailto, or that names another host without one (`//host/…`).
 * MDX comments (`{/* … *\/}`) are allowed and removed.
 *
 * It runs as a remark plugin, on the parsed tree, before MDX compiles anything, so no text
 * pattern can slip past it. Each refused node is recorded with its line (src/markdown/problems.ts)
 * and removed; in strict mode (the site build) the plugin then throws them all.
 */
import type { Root, Nodes, Parents } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type {} from 'mdast-util-mdx';
import type { VFile } from 'vfile';
import { limits } from '../lib/source-text.ts';
import { controlFix, findControl } from '../schemas/common.ts';
import { addProblem, throwProblems } from './problems.ts';

export interface GuardOptions {
  /** Throw the problems found (the site build); otherwise only record them (`npm run check`). */
  strict: boolean;
}

/** The attributes `<Ed>` takes; see content/README.md. */
export const edAttributes = new Set(['was', 'note']);

const safeSchemes = new Set(['http', 'https', 'mailto']);

/** A numeric character reference as HTML decodes it: U+FFFD for 0, a surrogate or past U+10FFFF (`&#99999999`). */
const character = (code: number) => (code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD');

/** `url` as a browser reads it: without tabs, newlines and controls, character references decoded. */
function asBrowserReads(url: string): string {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return cleaned.replace(/&#(?:x([0-9a-f]+)|([0-9]+));?/gi, (_, hex?: string, dec?: string) => character(hex ? parseInt(hex, 16) : Number(dec)));
}

/** The scheme a browser would see in `url` (it ignores tabs, newlines and leading controls), or undefined for relative links. */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(asBrowserReads(url))?.[1]?.toLowerCase();
}

/** `//host/…` (or `\\host`, which browsers read the same): another site, on whatever scheme the page has. */
export const isProtocolRelative = (url: string) => /^[/\\]{2}/.test(asBrowserReads(url));

const short = (text: string, max = 50) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > max ? `${line.slice(0, max - 1)}…` : line);
};

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

function checkEd(node: Jsx, file: VFile): boolean {
  let ok = true;
  if (node.name !== 'Ed') {
    addProblem(
      file,
      node,
      `expected text or an <Ed> editor's note, found <${node.name ?? ''}>; only <Ed> is available in reports (write \\< or &lt; for a literal "<")`,
    );
    return false;
  }
  const attributes = node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[];
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      addProblem(file, node, `<Ed> expected was="…" or note="…", found the expression ${short(`{${attribute.value}}`)}; reports cannot run code`);
      ok = false;
    } else if (!edAttributes.has(attribute.name)) {
      addProblem(file, node, `<Ed> expected the attributes was="…" and note="…", found ${short(attribute.name)}`);
      ok = false;
    } else if (typeof attribute.value !== 'string') {
      const found = attribute.value == null ? 'no value' : `the expression ${short(`{${attribute.value.value}}`)}`;
      addProblem(file, node, `<Ed ${attribute.name}> expected a quoted string, found ${found}; write ${attribute.name}="…" (reports cannot run code)`);
      ok = false;
    }
  }
  if (ok && !attributes.some((a) => a.type === 'mdxJsxAttribute' && (a.name === 'was' || a.name === 'note'))) {
    addProblem(file, node, '<Ed> expected a was="…" or note="…" attribute, found neither');
    ok = false;
  }
  return ok;
}

/** Checks `node`; returns false when it must be removed from the tree. */
function allowed(node: Nodes, file: VFile): boolean {
  switch (node.type) {
    case 'mdxjsEsm':
      addProblem(
        file,
        node,
        `expected text, found the ${node.value.trimStart().startsWith('export') ? 'export' : 'import'} statement ${short(node.value)}; reports cannot import or export code (to start a line with the word, write &#105;mport or &#101;xport)`,
      );
      return false;
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const program = node.data?.estree;
      // `{/* a comment */}` holds no code: allowed, and dropped here. Empty braces are not a comment.
      if (program && program.body.length === 0 && program.comments?.length) return false;
      addProblem(file, node, `expected text, found the expression ${short(`{${node.value}}`)}; reports cannot run code (write \\{ for a literal "{")`);
      return false;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return checkEd(node, file);
    case 'link':
    case 'image':
    case 'definition': {
      const scheme = urlScheme(node.url);
      if (scheme && !safeSchemes.has(scheme)) {
        addProblem(file, node, `expected a link to http:, https:, mailto: or a page of this site, found ${short(node.url)}`);
        return false;
      }
      // Not a page of this site but another host: say which scheme, so nobody reads it as in-site.
      if (isProtocolRelative(node.url)) {
        addProblem(file, node, `expected a link to http:, https:, mailto: or a page of this site, found ${short(node.url)}; write ${short(`https:${asBrowserReads(node.url).replace(/^[/\\]{2}/, '//')}`)} for another site`);
        return false;
      }
      return true;
    }
    default:
      return true;
  }
}

function walk(parent: Parents, file: VFile) {
  parent.children = parent.children.filter((child) => allowed(child, file)) as typeof parent.children;
  for (const child of parent.children) if ('children' in child) walk(child, file);
}

export function remarkGuard({ strict }: GuardOptions) {
  return (tree: Root, file: VFile) => {
    // `npm run check` refuses long lines before parsing; a bare `astro build` meets them here,
    // before smartypants can exhaust the stack on them. Control characters are refused here too,
    // with their column (parsers turn a NUL into U+FFFD, and a feed cannot hold either).
    String(file.value).split('\n').forEach((line, i) => {
      if (line.length > limits.lineChars) {
        addProblem(file, { position: { start: { line: i + 1 } } }, `expected lines of at most ${limits.lineChars.toLocaleString('en')} characters, found one of ${line.length.toLocaleString('en')}; break it into paragraphs`, '(file)');
      }
      const control = findControl(line);
      if (control) addProblem(file, { position: { start: { line: i + 1 } } }, `expected text without control characters, found ${control.code} at column ${control.index + 1}; ${controlFix}`);
    });
    walk(tree, file);
    if (strict) throwProblems(file);
  };
}
