/**
 * Pipeline step: code blocks, tables and video links, made readable at build time (no JavaScript on the page, no
 * inline style: the CSP has no 'unsafe-inline'; everything is classes that global.css styles).
 *
 * - A fenced code block is highlighted by rehype-highlight (`hljs-*` classes) when its language is
 *   one of `highlighted`: the few a trip report about cloud tooling quotes. Each grammar costs load and
 *   run time on every build, and a block in another language still gets its label and background.
 *   The label is `data-lang`, shown by CSS, so it is neither searched nor read as a tool mention.
 *   The `<pre>` scrolls inside the column (never the page), so it is focusable and named, as a
 *   scrollable region must be for keyboard and screen-reader users.
 * - A table gets the same scrollable, named region around it (its label lists the header cells).
 * - A link written `[Video: title](https://…)` becomes a card naming the host as a talk's recording
 *   link does ("on YouTube", src/lib/programme.ts). Nothing is loaded
 *   from the host (no thumbnail, no player) until the reader follows the link.
 *
 * Runs before rehypeReport, so the record's sections (topic pages, key excerpts) hold the same HTML.
 */
import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { hostName } from '../../lib/programme.ts';
import { el, txt } from './hast.ts';

const require = createRequire(import.meta.url);
let highlighter: ((tree: Root, file: VFile) => void) | undefined;
const highlighted = ['bash', 'shell', 'yaml', 'json', 'go', 'python', 'javascript', 'typescript', 'rust', 'sql', 'diff', 'ini', 'xml', 'css'];

/**
 * rehype-highlight, loaded on the first body with a code block: it loads every grammar lowlight
 * bundles (0.6 s of start-up), which a build of reports without code never needs to pay, in any
 * process. The grammars highlighted are a chosen few (with their aliases: sh, console, yml, js, ts,
 * py, golang, toml, html…).
 */
function highlight(tree: Root, file: VFile) {
  if (!highlighter) {
    const { default: rehypeHighlight } = require('rehype-highlight') as typeof import('rehype-highlight');
    const { common } = require('lowlight') as typeof import('lowlight');
    const languages = Object.fromEntries(highlighted.map((name) => [name, common[name]!]));
    highlighter = rehypeHighlight({ languages });
  }
  highlighter(tree, file);
}


/** The language named by a code element's `language-*` class, as the author wrote it. */
function languageOf(code: Element): string | undefined {
  const names = ([] as unknown[]).concat(code.properties.className ?? []).map(String);
  return names.find((n) => n.startsWith('language-'))?.slice('language-'.length);
}

function codeBlock(pre: Element) {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const lang = code && languageOf(code);
  pre.properties = { ...pre.properties, ...(lang ? { dataLang: lang } : {}), tabIndex: 0, role: 'region', ariaLabel: lang ? `Code: ${lang}` : 'Code' };
}

function table(node: Element, index: number, parent: Root | Element) {
  const columns: string[] = [];
  visit(node, 'element', (cell) => {
    if (cell.tagName === 'th') columns.push(toText(cell).trim());
    return cell.tagName === 'th' ? 'skip' : undefined;
  });
  const label = columns.length ? `Table: ${columns.join(', ')}` : 'Table';
  parent.children[index] = el('div', { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: label }, [node]);
}

/** A link's text that makes it a video card (the fidelity test reads such a link as the card shows it). */
export const videoPrefix = /^\s*Video:\s*/;

/** `[Video: title](https://host/…)` → a link card: kind, title, host; undefined when it is another link. */
function videoCard(link: Element): Element | undefined {
  const href = String(link.properties.href ?? '');
  const text = toText(link);
  // An address no URL parser reads (a stray character in the host) has no host to name: it stays a plain link.
  if (!videoPrefix.test(text) || !/^https?:\/\//i.test(href) || !URL.canParse(href)) return undefined;
  return el('a', { ...link.properties, className: ['video-card'] }, [
    el('span', { className: ['video-kind'] }, [txt('Video')]),
    txt(' '),
    el('span', { className: ['video-title'] }, [txt(text.replace(videoPrefix, '').trim())]),
    txt(' '),
    el('span', { className: ['video-host'] }, [txt(`on ${hostName(href)}`)]),
  ]);
}

export function rehypeBlocks() {
  return (tree: Root, file: VFile) => {
    let code = false;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'pre') {
        codeBlock(node);
        code = true;
      }
      else if (node.tagName === 'table' && parent && index !== undefined) {
        table(node, index, parent as Root | Element);
        return 'skip';
      } else if (node.tagName === 'a' && parent && index !== undefined) {
        const card = videoCard(node);
        if (card) parent.children[index] = card;
      }
      return undefined;
    });
    if (code) highlight(tree, file);
  };
}
