/**
 * Smart quotes, dashes and ellipses, with retext-smartypants, as remark-smartypants does it, but
 * only where there is something to change: half the time of rendering a report went into running
 * the natural-language parser over every text node, most of which hold no quote, "--", "..." or
 * "``". The output is the same (tested against remark-smartypants on the fixture corpus).
 *
 * How: all text of the document is joined (a space at the start of each paragraph, heading and
 * table cell, code spans as placeholder letters) so quotes pair across links and emphasis, and
 * quotes are converted once in that string; each text node then takes its slice back, and only
 * slices with a dash, dot or backtick pair go through the second pass (dashes, ellipses, backticks).
 * An apostrophe between two letters ("don't") always becomes ’ (the parser puts it inside a word,
 * after the word's text, where smartypants closes a quote): when such apostrophes are the only
 * quotes in the document, they are replaced directly and the parser is not run (4 in 5 reports of
 * the bench corpus).
 * Does not touch code, or JSX other than text inside it.
 */
import type { Nodes, Root, Text, InlineCode } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';

const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
const symbols = retext().use(smartypants, { quotes: false });

/** What the second pass can change: "--", "..." or ". . .", "``", "''". */
const hasSymbols = /--|\.\s*\.|``|''/;
const anyQuote = /["'`]/;
const inWord = /(?<=\p{L})'(?=\p{L})/gu;

const blocks = new Set(['paragraph', 'heading', 'tableCell']);
const ignoredElements = new Set(['style', 'script']);

export function remarkTypography() {
  return (tree: Root) => {
    let all = '';
    const pieces: (Text | InlineCode | 'block')[] = [];
    // A plain walk in document order: unist-util-visit, which keeps every node's ancestors, was a
    // fifth of rendering a body.
    const walk = (parent: Nodes) => {
      if (!('children' in parent)) return;
      if (parent.type === 'mdxJsxTextElement' && (typeof parent.name !== 'string' || ignoredElements.has(parent.name))) return;
      for (const node of parent.children) {
        if (node.type === 'text' || node.type === 'inlineCode') {
          all += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
          pieces.push(node);
        } else if (blocks.has(node.type)) {
          all += ' ';
          pieces.push('block');
        }
        walk(node);
      }
    };
    walk(tree);
    if (anyQuote.test(all)) {
      const apostrophes = all.replace(inWord, '\u2019');
      all = anyQuote.test(apostrophes) ? quotes.processSync(all).toString() : apostrophes;
    }
    let at = 0;
    for (const piece of pieces) {
      if (piece === 'block') {
        at += 1;
        continue;
      }
      const end = at + piece.value.length;
      if (piece.type === 'text') {
        const slice = all.slice(at, end);
        piece.value = hasSymbols.test(slice) ? symbols.processSync(slice).toString() : slice;
      }
      at = end;
    }
  };
}
