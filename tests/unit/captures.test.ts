/**
 * Captures of one made-up post saved from six platforms and a static-site blog (Hugo), Firefox's Reader view and "copy as
 * Markdown" (tests/fixtures/captures/), each with the platform's structure and chrome. Per capture:
 * every author sentence is on the rendered draft, every chrome line is listed and absent, the
 * structure is kept (table rows, code lines, quote, heading levels, nested list, footnote), the
 * embed is a link and the image an editor's note, the page's metadata is found, and (fidelity by
 * text) every line the extractor reads is on the page unless the sidecar lists it; the Markdown copy is
 * read as text the same way (src/authoring/capture-markdown.ts), on the fixture and on fuzzed mutants. And
 * chrome elements are known by whole words of their class names, never a part of one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { VFile } from 'vfile';
import { captureLines, normalizeHtml } from '../../src/authoring/capture-html.ts';
import { markdownLines } from '../../src/authoring/capture-markdown.ts';
import { normalizeMarkdown, type Normalized } from '../../src/authoring/ingest.ts';
import { capturedChrome } from '../../src/check/rules/captured-chrome.ts';
import { pageChrome } from '../../src/check/rules/page-chrome.ts';
import type { Rule } from '../../src/check/rules/rule.ts';
import { readText } from '../../src/lib/source-text.ts';
import { createReportProcessor } from '../../src/markdown/pipeline.ts';
import { mutateText } from '../helpers/fuzz.ts';

const dir = 'tests/fixtures/captures';
const title = 'Three days at Harbor Summit 2025';

/** The author's sentences, the same in every capture. */
const sentences = [
  'Harbor Summit 2025 took place in Porto from 4 to 6 March, and the hallway track was the best part.',
  'The team said “ship it” and we did, in 3 days.',
  'Every team we met had moved from logs to traces.',
  'Measure first, then cut the noise.',
  'Latency stayed under <5 ms once {batching} was on.',
  'We will try the collector next quarter.',
  'The survey had 40 answers.',
];

interface Platform {
  meta: { author?: string; published?: string; url?: string; site?: string };
  /** Lines of chrome (as listed) that must be removed, and not on the page. */
  chrome: string[];
  /** The code block's language class, when the platform keeps one. */
  lang?: string;
}

const platforms: Record<string, Platform> = {
  'devto.html': {
    meta: { author: 'Ada Example', published: '2025-03-09', url: 'https://dev.example/ada_example/three-days-at-harbor-summit-2025-4k2j', site: 'DEV Community' },
    chrome: ['We use cookies to improve your experience.', 'Accept all', 'Posted on Mar 9', '#observability #kubernetes', 'Enter fullscreen modeExit fullscreen mode', 'Top comments (5)', '© 2016 - 2025', 'Privacy Policy Terms of use', 'Great write-up, thanks for sharing!'],
    lang: 'yaml',
  },
  'medium.html': {
    meta: { author: 'Ada Example', published: '2025-03-09', url: 'https://medium.example/@ada/three-days-at-harbor-summit-2025-9f3e2a', site: 'Medium' },
    chrome: ['Member-only story', 'Follow', '5 min read', 'Mar 9, 2025', '123', 'Listen', 'Share', 'Responses (3)', 'MediumOpen in appSign upSign inWrite'],
    lang: 'yaml',
  },
  'wordpress.html': {
    meta: { author: 'Ada Example', published: '2025-03-09', url: 'https://ada-notebook.example/2025/03/09/three-days-at-harbor-summit-2025/', site: "Ada's Notebook" },
    chrome: ['Skip to content', 'Posted on 9 March 2025 by Ada Example', 'Share this:', 'Share on X', 'Like this:', 'Like Loading…', 'Posted in Conferences', 'Leave a Reply', '© 2025 Ada’s Notebook'],
    lang: 'yaml',
  },
  'ghost.html': {
    meta: { author: 'Ada Example', published: '2025-03-09', url: 'https://harbor-notes.example/three-days-at-harbor-summit-2025/', site: 'Harbor Notes' },
    chrome: ['Conferences', 'Mar 9, 2025— 4 min read', 'Sign up for Harbor Notes', 'Subscribe', 'Two days at Quay Con 2024', 'Harbor Notes © 2025'],
    lang: 'yaml',
  },
  'hashnode.html': {
    meta: { author: 'Ada Example', published: '2025-03-09', url: 'https://ada.hashnode.example/three-days-at-harbor-summit-2025', site: "Ada's Engineering Log" },
    chrome: ['·Mar 9, 2025·', '4 min read', '12 likes3 comments', '#observability', 'Subscribe to my newsletter', "©2025 Ada's Engineering Log"],
    lang: 'yaml',
  },
  'substack.html': {
    meta: { author: 'Ada Example', published: '2025-03-09', url: 'https://adaexample.substack.example/p/three-days-at-harbor-summit-2025', site: 'Ada’s Dispatch' },
    chrome: ['Mar 09, 2025', '143Share', 'Thanks for reading Ada’s Dispatch! Subscribe for free to receive new posts and support my work.', '14 Likes', 'Discussion about this post', '© 2025 Ada Example'],
  },
  'hugo.html': {
    meta: { author: 'Ada Example', published: '2025-03-09', url: 'https://ada.example.org/posts/harbor-summit-2025/', site: 'Ada’s field notes' },
    chrome: ['Home » Posts', 'March 9, 2025 · 4 min · Ada Example', 'Table of Contents', 'Two days at Quay Con 2024', '© 2025 Ada’s field notes · Powered by Hugo & PaperMod'],
    lang: 'yaml',
  },
  'reader-view.html': {
    meta: { author: 'Ada Example', url: 'https://notes.example/2025/harbor-summit/', site: 'notes.example' },
    chrome: ['notes.example', '4–5 minutes'],
    lang: 'yaml',
  },
};

/** Folds what typography may change: quotes, dashes, ellipses, white space (as the fidelity test). */
const fold = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/…/g, '...').replace(/\s+/g, ' ').trim();

/** A draft body through the report pipeline (guard included; `strict`: a refusal throws), as HTML tree, with the file holding its problems. */
async function pipeline(body: string, strict: boolean): Promise<{ tree: Root; file: VFile }> {
  const processor = createReportProcessor({ tools: [], base: '/', strict });
  const file = new VFile({ value: body, path: 'draft.mdx' });
  return { tree: (await processor.run(processor.parse(file), file)) as Root, file };
}

/** A draft body through the strict pipeline, which must find nothing to say, as HTML tree. */
async function render(body: string): Promise<Root> {
  const { tree, file } = await pipeline(body, true);
  assert.deepEqual(file.data.problems ?? [], [], 'the draft passes the guard and the body checks');
  return tree;
}

/** The page's text without editor's notes and heading anchors (what the fidelity test reads). */
function pageText(tree: Root): string {
  const copy = structuredClone(tree);
  for (const el of selectAll('.ed-note, .anchor', copy)) Object.assign(el, { children: [] });
  return fold(toText(copy));
}

/** Text as written, white space and all (`toText` collapses it outside `<pre>`). */
const raw = (node: Root | Element | Root['children'][number]): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(raw).join('') : '');

function structure(tree: Root, lang: string | undefined) {
  const headings = selectAll('h2, h3', tree).map((h) => [h.tagName, toText(h.children[0]!).trim()].join(' '));
  assert.ok(headings.includes('h2 Tracing everywhere') && headings.includes('h3 A pipeline in YAML'), `heading levels kept: ${headings.join(' | ')}`);
  const rows = selectAll('table tr', tree).map((tr) => selectAll('th, td', tr).map((c) => toText(c).trim()));
  assert.deepEqual(rows, [['Tool', 'Use', 'Verdict'], ['Jaeger', 'tracing', 'keep'], ['Prometheus', 'metrics', 'keep'], ['Fluent Bit', 'logs', 'trial']], 'every table row');
  const code = select('pre > code', tree);
  assert.ok(code, 'the code block is a code block');
  assert.equal(raw(code).replace(/\n$/, ''), 'pipeline:\n  receivers: [otlp]\n  exporters: {jaeger: {}}', 'every code line, indented');
  const languages = [code.properties.className ?? []].flat().map(String).filter((c) => c.startsWith('language-'));
  assert.deepEqual(languages, lang ? [`language-${lang}`] : [], 'the code keeps its language');
  assert.equal(fold(toText(select('blockquote', tree)!)), 'Measure first, then cut the noise.', 'the quote is a blockquote');
  assert.deepEqual(selectAll('li > ul > li', tree).map((li) => toText(li).trim()), ['head-based', 'tail-based'], 'the nested list');
  assert.ok(select('sup > a[data-footnote-ref]', tree), 'the footnote reference');
  assert.match(toText(select('section.footnotes li', tree)!), /The survey had 40 answers\./, 'the footnote');
  const video = select('a[href="https://www.youtube.com/watch?v=xq3Vn0aBcD4"]', tree);
  // "Video: <title>" on a line of its own, which the pipeline shows as a video card naming the host.
  assert.match(video ? toText(video).replace(/\s+/g, ' ') : '', /^Video:? Cilium: kube-proxy replacement at scale\b/, 'the embedded video is a link with its title');
  assert.match(toText(select('.ed-note', tree) as Element), /image not kept: The sponsor hall at noon/, 'the image is an editor’s note with its alt text');
}

/** The sentences of a Markdown capture, read as text, that are not on `page`, but for the lines ingest listed (the fidelity test's reading). */
function missingFrom(page: string, markdown: string, { removed, converted = [] }: Normalized): string[] {
  return markdownLines(markdown, new Set([...removed, ...converted].map((r) => r.line)))
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map(fold)
    .filter((s) => /\p{L}/u.test(s) && !page.includes(s));
}

test('a Markdown capture is compared by its text: markup, list markers, table pipes and hard wraps are not sentences', () => {
  const markdown = ['# Title', '', 'A **bold** claim with [a link](https://x.example/) and `code`,', 'wrapped by the editor.[^1]', '', '- an item', '  - a nested item', '', '| Tool | Verdict |', '| --- | --- |', '| Jaeger | keep |', '', '<b>as written</b> <https://y.example/>', '', '[^1]: A note.'].join('\n');
  assert.deepEqual(markdownLines(markdown, new Set(['# Title'])), [
    'A bold claim with a link and code, wrapped by the editor.',
    'an item',
    'a nested item',
    'Tool',
    'Verdict',
    'Jaeger',
    'keep',
    // Ingest escapes "<": the page shows HTML as written, so it is read as written.
    '<b>as written</b> <https://y.example/>',
    'A note.',
  ]);
});

/** The capture's text as bytes on disk are read (BOM, CRLF), as `npm run ingest` reads it. */
const read = (name: string) => readText(readFileSync(`${dir}/${name}`), name).text!;

for (const [name, platform] of Object.entries(platforms)) {
  describe(`HTML capture ${name}`, async () => {
    const html = read(name);
    const result = normalizeHtml(html);
    const tree = await render(result.body);
    const page = pageText(tree);

    test('every author sentence is on the page', () => {
      assert.deepEqual(sentences.map(fold).filter((s) => !page.includes(s)), []);
    });
    test('every chrome line is listed with its reason, and none is on the page', () => {
      const listed = new Map(result.removed.map((r) => [r.line, r.what]));
      assert.deepEqual(platform.chrome.filter((line) => !listed.has(line)), [], `listed: ${[...listed.keys()].join(' | ')}`);
      assert.ok(result.removed.every((r) => r.what.length > 3), 'each with a reason');
      assert.deepEqual(platform.chrome.filter((line) => line.length > 3 && page.includes(fold(line))), []);
      assert.match(result.removed.find((r) => r.line === title)?.what ?? '', /now in the frontmatter/, 'the title is listed');
    });
    test('structure is kept: headings, table rows, code lines and language, quote, nested list, footnote, embed, image', () => structure(tree, platform.lang));
    test('the page’s metadata is found', () => assert.deepEqual(Object.fromEntries(Object.entries(result.meta).filter(([, v]) => v !== undefined)), { title, ...platform.meta }));
    test('fidelity by text: every line the extractor reads is on the page, or listed as removed or converted', () => {
      const listed = new Set([...result.removed, ...result.converted].map((r) => r.line));
      const missing = captureLines(html)
        .filter((line) => !listed.has(line))
        .flatMap((line) => line.split(/(?<=[.!?])\s+/))
        .map(fold)
        .filter((s) => /\p{L}/u.test(s) && !page.includes(s));
      assert.deepEqual(missing, []);
    });
    test('the summary counts add up: converted blocks are listed', () => {
      assert.deepEqual(result.converted.filter((c) => /^\[(?:iframe|image)\]/.test(c.line)).map((c) => c.line.split(' ')[0]), ['[iframe]', '[image]']);
      assert.ok(result.kept >= 20, `${result.kept} blocks kept`);
    });
  });
}

describe('copy-as-Markdown capture', async () => {
  const result = normalizeMarkdown(read('copy-as-markdown.md'));
  const tree = await render(result.body);
  const page = pageText(tree);
  test('every author sentence is on the page and every chrome line is listed', () => {
    assert.deepEqual(sentences.map(fold).filter((s) => !page.includes(s)), []);
    assert.deepEqual(result.removed.map((r) => r.line), ['[Skip to content](#main)', `# ${title}`, 'Posted on Mar 9, 2025', '❤️ 48 🦄 7', 'Share this post', 'Top comments (5)']);
    assert.equal(result.title, title);
  });
  test('an image from another site becomes an editor’s note, listed as converted (the check refuses remote images)', () => {
    assert.deepEqual(result.converted?.map((c) => c.line), ['![The sponsor hall at noon](https://blog.example/img/hall.png)']);
    assert.match(toText(select('.ed-note', tree)!), /image not kept: The sponsor hall at noon \(https:\/\/blog\.example\/img\/hall\.png\)/);
  });
  test('fidelity by text: every sentence of the Markdown read as text is on the page, or its line is listed', () => {
    assert.deepEqual(missingFrom(page, read('copy-as-markdown.md'), result), []);
  });
  test('structure is kept', () => {
    assert.equal(selectAll('table tbody tr', tree).length, 3);
    assert.equal(raw(select('pre > code.language-yaml', tree)!).split('\n').filter(Boolean).length, 3);
    assert.ok(select('blockquote', tree) && select('h2', tree) && select('h3', tree) && select('li > ul > li', tree) && select('section.footnotes', tree));
  });
});

test('without a canonical link, og:url or Reader-view domain, the address stays unknown (never invented)', () => {
  const { meta } = normalizeHtml('<html><head><title>A post</title></head><body><article><h1>A post</h1><p>Some text here.</p></article></body></html>');
  assert.equal(meta.url, undefined);
  assert.equal(meta.site, undefined);
});

test('the densest block of paragraphs is the article when nothing names one', () => {
  const { body, removed } = normalizeHtml('<body><div class="menu"><p>Home</p></div><div><p>First sentence of the post.</p><p>Second sentence of the post.</p></div><div><p>© 2025 Someone</p></div></body>');
  assert.equal(body, 'First sentence of the post.\n\nSecond sentence of the post.\n');
  assert.deepEqual(removed.map((r) => r.line), ['Home', '© 2025 Someone']);
});

test('chrome elements are known by a whole word of a class name, never a part of one: the author’s “commentary” and “recommendations” are text', () => {
  const { body, removed } = normalizeHtml(`<article><h1>A post</h1>
    <div class="commentary"><p>Our commentary on the keynote stays.</p></div>
    <section class="recommendations-we-made"><p>We recommended three changes to the platform team.</p></section>
    <h2 id="discussion">Discussion</h2><p>The discussion after the talk ran long.</p>
    <div class="wp_comments-area"><p>Great post!</p></div><a class="post-ufi-button share">Share it</a><div class="like-button-container">Like it</div>
  </article>`);
  assert.equal(body, 'Our commentary on the keynote stays.\n\nWe recommended three changes to the platform team.\n\n## Discussion\n\nThe discussion after the talk ran long.\n');
  assert.deepEqual(removed.map((r) => `${r.line} (${r.what})`), ['A post (the title (now in the frontmatter))', 'Great post! (a comment box)', 'Share it (a share button)', 'Like it (reaction counts)']);
});

describe('fuzz: mutated HTML captures never crash ingest, and the draft is always MDX the guard accepts', () => {
  const cases = Number(process.env.FUZZ_CASES ?? 60);
  const names = Object.keys(platforms);
  for (let seed = 1; seed <= cases; seed++) {
    const name = names[seed % names.length]!;
    test(`${name} seed ${seed}`, async () => {
      const { text, applied } = mutateText(read(name), seed);
      const { body } = normalizeHtml(text);
      // Bad input may leave the author's problems (a control character, a duplicated heading), said
      // in our words; never a draft MDX cannot parse or the guard refuses: that would be our escaping.
      const { file } = await pipeline(body, false);
      const ours = (file.data.problems ?? []).filter((p) => /expected MDX text|pipeline can read|expected text or an <Ed>|expected an? (?:http|link)/.test(p.message));
      assert.deepEqual(ours, [], applied.join(', '));
    });
  }
});

describe('fuzz: mutated Markdown captures read as text: never a crash, and after line-level damage every sentence is on the draft’s page or its line listed', () => {
  const cases = Number(process.env.FUZZ_CASES ?? 60);
  // Damage that keeps each line's Markdown as it was. Inside a line (a stray fence, bracket or tag)
  // ingest's line-by-line escaping and CommonMark may read a mutant differently: not this test's subject.
  const lineLevel = new Set(['duplicate a line', 'delete a line', 'CRLF', 'BOM', 'mixed endings', 'long line']);
  for (let seed = 1; seed <= cases; seed++) {
    test(`copy-as-markdown.md seed ${seed}`, async () => {
      const { text, applied } = mutateText(read('copy-as-markdown.md'), seed);
      let lines: string[];
      try {
        lines = markdownLines(text);
      } catch (error) {
        assert.match(String(error), /^Error: line \d+: expected at most 32 levels of nesting, found \d+/, applied.join(', '));
        return;
      }
      assert.ok(lines.every((line) => line && !/\n/.test(line) && line === line.trim()), `${applied.join(', ')}: one trimmed line each`);
      if (!applied.every((name) => lineLevel.has(name))) return;
      const result = normalizeMarkdown(text);
      const { tree } = await pipeline(result.body, false);
      assert.deepEqual(missingFrom(pageText(tree), text, result), [], applied.join(', '));
    });
  }
});

describe('the check catches chrome a capture left, from the list ingest uses', () => {
  const run = (rule: Rule, body: string) => rule.report!({ file: 'x.mdx', body, lineOf: () => undefined });
  test('a bare chrome line: "Top comments (N)", reaction counts, "Posted on …"', () => {
    const body = ['Real text.', 'Top comments (5)', '❤️ 48 🦄 7', 'Posted on Mar 9, 2025'].join('\n');
    assert.deepEqual(run(pageChrome, body).map((p) => p.line), [2, 3, 4]);
  });
  test('chrome inside Markdown or HTML markup, with our message, and nothing twice', () => {
    const body = ['**[Top comments (5)](#comments)**', '- <strong>Share this post</strong>', 'Top comments (5)', '[Share this post](https://x.example/) with your team.', '```', '**Follow**', '```'].join('\n');
    assert.deepEqual(run(capturedChrome, body), [
      { line: 1, field: 'body', message: 'expected the author\'s text, found page chrome "Top comments (5)" (a comment box) inside markup; remove the line' },
      { line: 2, field: 'body', message: 'expected the author\'s text, found page chrome "Share this post" (a share button) inside markup; remove the line' },
    ]);
  });
});
