/**
 * src/markdown/typography.ts skips the natural-language parser where it would change nothing; it
 * must give exactly what remark-smartypants (the library it stands in for) gives.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Plugin } from 'unified';
import type { Root } from 'mdast';
import { splitReport } from '../../src/lib/source-text.ts';
import { remarkTypography } from '../../src/markdown/typography.ts';

const render = (plugin: Plugin<[], Root>) => {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(plugin);
  return (markdown: string) => JSON.stringify(processor.runSync(processor.parse(markdown)), (k, v) => (k === 'position' ? undefined : v));
};
const library = render(remarkSmartypants as Plugin<[], Root>);
const ours = render(remarkTypography);

const tricky = [
  '"Quoted," she said -- and left...',
  'It\'s the "*operator* pattern" they\'d mention; ``old style\'\' quotes.',
  'A quote across a [link "inside"](https://example.com) and **"bold"** text.',
  '## "Heading in quotes"\n\n"Paragraph starting with a quote."',
  'Wait . . . what? A range 2018--2022 and an em dash---maybe.',
  'Code `"stays" -- as typed...` and "after code".',
  '| "a" | b -- c |\n| --- | --- |\n| it\'s | x... |',
  '- "one"\n- two\'s\n  - "nested" -- yes',
  'No symbols at all here',
  "'90s kids and rock 'n' roll, the '22 edition.",
  // Apostrophes inside words only (the parser is skipped), then with other quotes around them.
  "It's O'Neil's rock'n'roll: l'été, don't, `code`'s, 5G's.",
  "It's O'Neil's \"rock'n'roll\" -- 'don't'.",
  "Ends with a letter'\n\n'Starts a block, and it'' and x''y.",
];

test('matches remark-smartypants on made-up tricky text', () => {
  for (const markdown of tricky) assert.equal(ours(markdown), library(markdown), markdown);
});

test('matches remark-smartypants on every report of the fixture corpus and of content/', () => {
  let checked = 0;
  for (const dir of ['tests/fixtures/corpus/reports', 'content/reports']) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const body = splitReport(readFileSync(join(dir, name), 'utf8'), name).parts!.body;
      assert.equal(ours(body), library(body), name);
      checked++;
    }
  }
  assert.ok(checked > 0);
});
