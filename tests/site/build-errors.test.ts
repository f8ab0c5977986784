/**
 * The bad-content suite: each case builds a small made-up corpus (tests/helpers/corpus.ts) with one
 * bad thing through the real `npm run build` (scripts/build.ts), and asserts the exact message and
 * that nothing is published: the previous site stays byte for byte, no partial output is left.
 * Then: a bare `astro build` (skipping the check) still refuses code, and a good build never
 * publishes an environment value.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import { corpus, files, report, withBody } from '../helpers/corpus.ts';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  // Astro keeps a cache per content folder; these folders are gone.
  for (const name of readdirSync('node_modules/.astro', { withFileTypes: true })) {
    if (name.name.includes('hallway-corpus')) rmSync(join('node_modules/.astro', name.name), { recursive: true, force: true });
  }
});

const SECRET = `hallway-secret-${process.pid}-${Date.now().toString(36)}`;
const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

function run(args: string[], dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: dir, OUT_DIR: join(dir, 'dist'), HALLWAY_TEST_SECRET: SECRET, ...env },
  });
  return { status: result.status, output: clean(`${result.stdout}\n${result.stderr}`) };
}

/** A bare build that leaves the content check out (src/integrations/content-check.ts), so what stops it is the loaders' and the query layer's own checks. */
const loadersAlone = { HALLWAY_CHECK: 'elsewhere' };

/** A corpus with `changes` and a previous site in its dist/; the path of the corpus. */
function withPreviousSite(changes: Parameters<typeof corpus>[0]) {
  const dir = corpus(changes);
  made.push(dir);
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');
  return dir;
}

function assertNothingPublished(dir: string) {
  assert.equal(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), 'previous site', 'the previous dist/ is untouched');
  assert.deepEqual(readdirSync(join(dir, 'dist')), ['index.html'], 'nothing was added to dist/');
  assert.ok(!existsSync(join(dir, 'dist.partial')), 'no partial output is left behind');
}

const rce = withBody("import { execSync } from 'node:child_process'\n\nid is {execSync('id').toString()}.");

// [case, changes, lines the build must print, exactly (the corpus folder shown as <dir>)]
const cases: [string, Parameters<typeof corpus>[0], string[]][] = [
  ['code run at build time (import, expression)', { [report]: rce }, [
    `<dir>/reports/first-visit.mdx:20: body: expected text, found the import statement "import { execSync } from 'node:child_process'"; reports cannot import or export code (to start a line with the word, write &#105;mport or &#101;xport)`,
    `<dir>/reports/first-visit.mdx:22: body: expected text, found the expression "{execSync('id').toString()}"; reports cannot run code (write \\{ for a literal "{")`,
  ]],
  ['reading the environment', { [report]: withBody('Token: {process.env.HALLWAY_TEST_SECRET}') }, [
    '<dir>/reports/first-visit.mdx:20: body: expected text, found the expression "{process.env.HALLWAY_TEST_SECRET}"; reports cannot run code (write \\{ for a literal "{")',
  ]],
  ['javascript: links, inline and by reference', { [report]: withBody('[x](javascript:alert(9)) and [r]\n\n[r]: javascript:alert(15)') }, [
    '<dir>/reports/first-visit.mdx:20: body: expected a link to http:, https:, mailto: or a page of this site, found "javascript:alert(9)"',
    '<dir>/reports/first-visit.mdx:22: body: expected a link to http:, https:, mailto: or a page of this site, found "javascript:alert(15)"',
  ]],
  ['a 1 MB line of one sentence', { [report]: withBody(`${'word '.repeat(200_000)}.`) }, [
    '<dir>/reports/first-visit.mdx:20: (file): expected lines of at most 20,000 characters, found one of 1,000,001; break it into paragraphs',
  ]],
  ['a YAML alias bomb in events.yaml', {
    'events.yaml': (s) => `${s}\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
  }, [
    '<dir>/events.yaml:24: (yaml): expected plain values, found the alias "*a"; write the value out (aliases are not allowed, so none is expanded)',
    '<dir>/events.yaml:25: (yaml): expected plain values, found the alias "*b"; write the value out (aliases are not allowed, so none is expanded)',
    '<dir>/events.yaml:26: (yaml): expected plain values, found the alias "*c"; write the value out (aliases are not allowed, so none is expanded)',
    '<dir>/events.yaml:27: (yaml): expected plain values, found the alias "*d"; write the value out (aliases are not allowed, so none is expanded)',
  ]],
  ['Latin-1 bytes', { [report]: Buffer.from(files[report]!.replace('Quiver was everywhere.', 'Quiver était partout.'), 'latin1') }, [
    '<dir>/reports/first-visit.mdx:24: (encoding): expected UTF-8 text, found the byte 0xE9 at column 8, which is not UTF-8 (the file is probably Latin-1 or Windows-1252); save it as UTF-8',
  ]],
  ['an empty file', { [report]: '' }, [
    '<dir>/reports/first-visit.mdx:1: (file): expected a report (frontmatter between "---" lines, then the text), found an empty file',
  ]],
  ['a missing closing ---', { [report]: (s) => s.replace(/\n---\n/, '\n\n') }, [
    '<dir>/reports/first-visit.mdx:29: (frontmatter): expected a closing "---" line after the frontmatter, found the end of the file',
  ]],
  ['a heading whose id would be empty', { [report]: withBody('## 🚀\n\nLift-off.') }, [
    '<dir>/reports/first-visit.mdx:20: body: expected a heading with letters or digits (its link id is made of them), found "🚀"; add words to it',
  ]],
  ['links to a missing page, a missing heading there and here, and another host without a scheme', {
    [report]: withBody('[a](/reports/first-vist/), [b](/reports/first-visit/#hallwya), [c](#packagng-talks) and [d](//evil.example/x)'),
  }, [
    '<dir>/reports/first-visit.mdx:20: link: expected a page of this site, found "/reports/first-vist/"; did you mean "/reports/first-visit/"?',
    '<dir>/reports/first-visit.mdx:20: link: expected a heading id of "/reports/first-visit/", found "#hallwya"; did you mean "#hallway"?',
    '<dir>/reports/first-visit.mdx:20: link: expected a heading id of "/reports/first-visit/", found "#packagng-talks"; did you mean "#packaging-talks"?',
    '<dir>/reports/first-visit.mdx:20: body: expected a link to http:, https:, mailto: or a page of this site, found "//evil.example/x"; write "https://evil.example/x" for another site',
  ]],
  ['images from another host, missing, or without alt text', { [report]: withBody('![Stage](https://photos.example.com/stage.jpg)\n\n![Stage](./stage.jpg)\n\n![](./first-visit/board.png)'), 'reports/stage.jpeg': new TextEncoder().encode('not read: misnamed') }, [
    '<dir>/reports/first-visit.mdx:20: image: expected an image saved beside the report, found one from another host "https://photos.example.com/stage.jpg"; save the file next to the report and write ![alt](./stage.jpg)',
    '<dir>/reports/first-visit.mdx:22: image: expected an image file at <dir>/reports/stage.jpg, found nothing there; did you mean "./stage.jpeg"?',
    '<dir>/reports/first-visit.mdx:24: image: expected alt text that says what the image shows, found none; write what a reader would miss without it, e.g. ![Slide: the rollout in three stages, canary first](./slide.jpg)',
    '<dir>/reports/first-visit.mdx:24: image: expected an image file at <dir>/reports/first-visit/board.png, found nothing there; save the image there, or correct the name',
  ]],
  ['a component other than <Ed>', { [report]: withBody('<Slides src="x" />') }, [
    `<dir>/reports/first-visit.mdx:20: body: expected text or an <Ed> editor's note, found <Slides>; only <Ed> is available in reports (write \\< or &lt; for a literal "<")`,
  ]],
];

describe('npm run build stops on bad content, says exactly what and where, and publishes nothing', () => {
  for (const [name, changes, expected] of cases) {
    test(name, () => {
      const dir = withPreviousSite(changes);
      const { status, output } = run(['scripts/build.ts'], dir);
      assert.notEqual(status, 0, 'the build fails');
      const printed = output.split('\n').map((line) => line.replaceAll(dir, '<dir>'));
      for (const line of expected) assert.ok(printed.includes(line), `expected the line\n  ${line}\nin\n${output}`);
      assert.match(output, /Build stopped before anything was built: the previous .*dist\/ is left as it was/);
      assert.doesNotMatch(output, /uid=|at .*\.(?:js|ts):\d+|Stack trace|Did not match union/, 'no command output, no stack trace, no framework wording');
      assertNothingPublished(dir);
    });
  }
});

describe('the guard holds without the check', () => {
  test('a bare astro build refuses code in a report before compiling it, in our words', () => {
    const dir = corpus({ [report]: rce });
    made.push(dir);
    const { status, output } = run(['node_modules/astro/bin/astro.mjs', 'build'], dir, loadersAlone);
    assert.notEqual(status, 0);
    assert.match(output, /reports\/first-visit\.mdx:22: body: expected text, found the expression "\{execSync\('id'\)\.toString\(\)\}"/);
    assert.doesNotMatch(output, /uid=\d+/, 'the command never ran');
    // A bare astro build empties its output folder first (npm run build never does); no page is written.
    assert.ok(!existsSync(join(dir, 'dist', 'reports')), 'no report page was written');
  });
});

describe('the link check holds without the check', () => {
  test('a bare astro build refuses a link to a missing page in our words', () => {
    const dir = corpus({ [report]: withBody('See [the topic](/topics/packagin/).') });
    made.push(dir);
    const { status, output } = run(['node_modules/astro/bin/astro.mjs', 'build'], dir, loadersAlone);
    assert.notEqual(status, 0);
    assert.match(output, /reports\/first-visit\.mdx:20: link: expected a page of this site, found "\/topics\/packagin\/"; did you mean "\/topics\/packaging\/"\?/);
    assert.ok(!existsSync(join(dir, 'dist', 'reports')), 'no report page was written');
  });
});

describe('the line limit holds without the check', () => {
  test('a bare astro build refuses a 1 MB line in our words, not with a stack overflow', () => {
    const dir = corpus({ [report]: withBody(`${'word '.repeat(200_000)}.`) });
    made.push(dir);
    const { status, output } = run(['node_modules/astro/bin/astro.mjs', 'build'], dir, loadersAlone);
    assert.notEqual(status, 0);
    assert.match(output, /reports\/first-visit\.mdx:20: \(file\): expected lines of at most 20,000 characters, found one of 1,000,001; break it into paragraphs/);
    assert.doesNotMatch(output, /Maximum call stack/);
  });
});

describe('parser failures hold without the check (issue 18)', () => {
  for (const [name, body, expected] of [
    ['an unclosed tag', '<Aside type="note">\n\nHello.', 'reports/first-visit.mdx:20: body: expected MDX text, found a tag left open or closed by another at column 1 (Expected a closing tag for `<Aside>`); close each tag where it ends'],
    ['2,000 nested quotes', '>'.repeat(2000), 'reports/first-visit.mdx:20: body: expected at most 32 levels of nesting, found 2000 (quotes, lists, emphasis, links or tags inside one another); flatten it'],
  ]) {
    test(`a bare astro build refuses ${name} in our words, naming the file`, () => {
      const dir = corpus({ [report]: withBody(body!) });
      made.push(dir);
      const { status, output } = run(['node_modules/astro/bin/astro.mjs', 'build'], dir, loadersAlone);
      assert.notEqual(status, 0);
      assert.ok(output.includes(expected!), `expected\n  ${expected}\nin\n${output}`);
      // Astro still adds its own "Stack trace:" of the loader's error after our message (as for every loader error).
      assert.doesNotMatch(output, /Maximum call stack|triggerUncaughtException|file: ''|mdast-util-mdx-jsx/);
    });
  }
});

describe('a good build', () => {
  const draft = files[report]!.replace('title: First visit', 'title: Unfinished thoughts\ndraft: true').replace('We went to the conference.', 'Zanzibarish musings, not yet ready.');
  const dir = corpus({
    'reports/unfinished.mdx': draft,
    [report]: withBody(
      '## Notes {/* an MDX comment, allowed */}\n\n<Ed was="Namespase">\nNamespace isolation matters a lot.\n</Ed>\n\nThe end {/* another */} here.',
    ),
  });
  made.push(dir);
  const { status, output } = run(['scripts/build.ts', '--silent'], dir);
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

  test('builds', () => assert.equal(status, 0, output));

  test('keeps a block wrapped in <Ed>, with its note, and drops MDX comments', () => {
    const html = readFileSync(join(dir, 'dist', 'reports', 'first-visit', 'index.html'), 'utf8');
    assert.match(html, /<div class="ed-wrap"><p>Namespace isolation matters a lot\.<\/p>\s*<p class="ed-note ed-block"><strong>Editor’s note:<\/strong> the captured text reads “Namespase”\.<\/p><\/div>/);
    assert.match(html, /<h2 id="notes">Notes/);
    assert.match(html, /The end\s+here\./);
    assert.doesNotMatch(html, /MDX comment|another/);
  });

  test('leaves a draft out of the pages, the feed, the sitemap and the search index', () => {
    assert.ok(existsSync(join(dir, 'dist', 'reports', 'first-visit', 'index.html')), 'the finished report is published');
    assert.ok(!existsSync(join(dir, 'dist', 'reports', 'unfinished')), 'the draft has no page');
    const leaks = walk(join(dir, 'dist')).filter((file) => {
      const bytes = readFileSync(file);
      const text = /\.pf_(?:fragment|index|meta|filter)$/.test(file) ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      return /unfinished|Zanzibarish/i.test(text);
    });
    assert.deepEqual(leaks, []);
  });

  test('never publishes an environment value, in pages or in the search index', () => {
    const found = walk(join(dir, 'dist')).filter((file) => {
      const bytes = readFileSync(file);
      const text = /\.pf_(?:fragment|index|meta|filter)$/.test(file) ? gunzipSync(bytes).toString('latin1') : bytes.toString('latin1');
      return text.includes(SECRET) || text.includes(process.env.HOME ?? '\u0000');
    });
    assert.ok(walk(join(dir, 'dist')).some((f) => f.endsWith('.pf_fragment')), 'the index was built and read');
    assert.deepEqual(found, []);
  });
});
