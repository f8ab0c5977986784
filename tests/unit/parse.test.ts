/**
 * src/markdown/parse.ts parses report bodies with satteri where it agrees with remark's MDX and
 * GFM parser (the reference): whatever it gives must be exactly the reference's tree, positions
 * included (but those of a tag's attributes, which nothing reads), and it must hand over to the
 * reference where the two differ.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitReport } from '../../src/lib/source-text.ts';
import { nativeParse, remarkNativeParse } from '../../src/markdown/parse.ts';

const reference = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const ours = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkNativeParse);
// Plain data, key order aside. Two things only the reference records, and nothing reads: each
// expression's parsed program (estree), and where each attribute of a tag is.
const plain = (tree: unknown): unknown =>
  JSON.parse(JSON.stringify(tree, function (this: { type?: string }, k, v) {
    return k === 'estree' || (k === 'position' && this.type === 'mdxJsxAttribute') ? undefined : v;
  }));
const same = (markdown: string) => assert.deepStrictEqual(plain(ours.parse(markdown)), plain(reference.parse(markdown)), markdown);

/** Made-up bodies satteri reads itself: plain Markdown, GFM and inline editor's notes. */
const native = [
  '# Title\n\nA paragraph with *emphasis*, **strong**, `code` and a [link](https://example.com "t").',
  '- one\n- two\n  - nested, with a <Ed was="teh">the</Ed> fix\n\n1. first\n2. second\n\n> quoted\n> > twice',
  '| a | b |\n| :-- | --: |\n| 1 | 2 |\n\nA footnote[^1] and ~~struck~~ text, www.example.com and https://example.org.\n\n[^1]: The note.',
  '- [ ] task\n- [x] done\n\n```yaml\nkey: value\n```\n\n    indented code\n\n***\n\nText with a < b and c > d, and a } alone.',
  "It's \"quoted\" -- and... 'single' <Ed note=\"A note.\"/> mid-line.\n\nSetext\n======\n\n[ref]: https://example.com\n\n[ref] and ![image](https://example.com/a.png)",
  '\n\n\n## After blank lines (frontmatter blanked)\n\nText & entities &amp; &copy; \\* escaped.',
];

/** Made-up bodies where satteri's MDX differs from the reference or fails: the reference reads them. */
const handedOver = [
  '<Ed note="n">alone on its line</Ed>\n',
  'x {1 + 1} y',
  '{/* a comment */}\n\ntext',
  'import x from "y"\n\ntext',
  '<Ed was={x}>t</Ed> inline',
  '<Other>t</Other> inline',
  'text {',
  'a <5',
  '<!-- an HTML comment -->',
];

test('satteri reads plain Markdown, GFM and inline notes itself, with the reference tree', () => {
  for (const markdown of native) {
    assert.ok(nativeParse(markdown), `satteri should read: ${markdown}`);
    same(markdown);
  }
});

test('MDX that satteri reads differently, and parse errors, go to the reference parser', () => {
  for (const markdown of handedOver) {
    assert.equal(nativeParse(markdown), undefined, markdown);
    let expected: unknown, actual: unknown;
    try { expected = plain(reference.parse(markdown)); } catch (error) { expected = String(error); }
    try { actual = plain(ours.parse(markdown)); } catch (error) { actual = String(error); }
    assert.deepStrictEqual(actual, expected, markdown);
  }
});

test('every report of the fixture corpus and of content/ parses to the reference tree', () => {
  let checked = 0;
  for (const dir of ['tests/fixtures/corpus/reports', 'content/reports']) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const body = splitReport(readFileSync(join(dir, name), 'utf8'), name).parts!.body;
      same(body);
      checked++;
    }
  }
  assert.ok(checked > 0);
});
