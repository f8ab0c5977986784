/**
 * Fidelity: every sentence of every kept capture (`<content>/sources/<report-id>.txt`, `.html`
 * read as text by the extractor ingest uses, src/authoring/capture-html.ts, or `.md` parsed to text
 * and read by the same extractor, src/authoring/capture-markdown.ts) is on its
 * report page, except the lines its sidecar (`<report-id>.yaml`) lists as removed page chrome and
 * after the corrections it lists. Runs over whatever captures the real content and the fixture
 * corpus hold; the editing behaviour (notes visible, structure restored) is checked on the fixture.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import yaml from 'js-yaml';
import { parse } from 'node-html-parser';
import { captureLines } from '../../src/authoring/capture-html.ts';
import { markdownLines } from '../../src/authoring/capture-markdown.ts';
import { fixture, real, type Build } from '../helpers/builds.ts';
import { openSite, textWithout } from '../helpers/site.ts';

/** Folds the differences normalizing may make: quote styles, dashes, ellipses, white space. */
const fold = (text: string) =>
  text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();

interface Sidecar {
  removed: string[];
  /** Lines carried over in another form (a caption in an image's note, an embed as a link). */
  converted: string[];
  corrections: [string, string][];
}

/** The sidecar of a capture, checked for shape; a capture without one had nothing removed. */
function loadSidecar(file: string): Sidecar {
  if (!existsSync(file)) return { removed: [], converted: [], corrections: [] };
  const data = (yaml.load(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
  const removed = data.removed ?? [];
  const corrections = data.corrections ?? [];
  const converted = data.converted ?? [];
  assert.ok(Array.isArray(converted) && converted.every((l) => typeof l === 'string'), `${file}: converted: expected a list of lines`);
  assert.ok(Array.isArray(removed) && removed.every((l) => typeof l === 'string'), `${file}: removed: expected a list of lines`);
  assert.ok(
    Array.isArray(corrections) && corrections.every((c) => Array.isArray(c) && c.length === 2 && c.every((s) => typeof s === 'string')),
    `${file}: corrections: expected a list of [captured text, text on the page] pairs`,
  );
  const unknown = Object.keys(data).filter((k) => !['removed', 'converted', 'corrections'].includes(k));
  assert.deepEqual(unknown, [], `${file}: unknown fields`);
  return { removed, converted, corrections } as Sidecar;
}

/** The author's sentences in a capture, minus the removed lines, after the corrections. */
function authorSentences(file: string, { removed, converted, corrections }: Sidecar): string[] {
  const source = readFileSync(file, 'utf8');
  const drop = new Set([...removed, ...converted].map((line) => line.trim()));
  // A Markdown sidecar lists lines as written ("**[Share this post](…)**"): left out before parsing, as ingest left them out.
  let text = file.endsWith('.html') ? captureLines(source).join('\n') : file.endsWith('.md') ? markdownLines(source, drop).join('\n') : source;
  text = text
    .split('\n')
    .filter((line) => !drop.has(line.trim()))
    .join('\n');
  for (const [from, to] of corrections) {
    assert.ok(text.includes(from), `${file}: correction source “${from}” is in the capture`);
    text = text.replace(from, to);
  }
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^(?:[•\-*]\s*)+/, ''))
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map(fold)
    .filter((s) => /\p{L}/u.test(s));
}

function fidelitySuite(build: Build) {
  const sources = join(build.content, 'sources');
  const files = existsSync(sources) ? readdirSync(sources).sort() : [];
  const captures = files.filter((f) => /\.(?:txt|html|md)$/.test(f));
  const site = openSite(build.dir, build.base);

  describe(`every sentence of each capture in ${sources}/ is on its report page`, () => {
    for (const name of captures) {
      const id = name.replace(/\.(?:txt|html|md)$/, '');
      const capture = join(sources, name);
      test(`${capture} → ${build.base}reports/${id}/`, () => {
        const report = join(build.content, 'reports', `${id}.mdx`);
        assert.ok(existsSync(report), `${capture} has no report: expected ${report}`);
        const path = `${build.base}reports/${id}/`;
        assert.ok(site.fileFor(path), `${capture}: its report page ${path} is missing from ${build.dir}/`);
        const article = site.page(path).querySelector('.article');
        assert.ok(article, `${capture}: ${path} has no article`);
        // Typo markers (.ed-ref) and footnote markers sit inside sentences; their notes are listed after the article.
        const page = fold(textWithout(article, '.ed-note', '.ed-ref', '.anchor', '[data-footnote-ref]'));
        const sentences = authorSentences(capture, loadSidecar(join(sources, `${id}.yaml`)));
        assert.ok(sentences.length >= 5, `${capture} yields only ${sentences.length} sentences`);
        const missing = sentences.filter((s) => !page.includes(s));
        assert.deepEqual(missing, [], `${capture}: ${missing.length} of ${sentences.length} sentences are missing from ${path}`);
      });
    }

    test('every sidecar belongs to a capture', () => {
      const orphans = files.filter((f) => f.endsWith('.yaml') && !['.txt', '.html', '.md'].some((ext) => files.includes(f.replace(/\.yaml$/, ext))));
      assert.deepEqual(orphans.map((f) => join(sources, f)), [], 'sidecars without a capture');
    });
  });
}

fidelitySuite(real);
fidelitySuite(fixture);

describe('editing is visible (fixture corpus)', () => {
  const site = openSite(fixture.dir, fixture.base);
  const article = (id: string) => {
    const found = site.page(`/reports/${id}/`).querySelector('.article');
    assert.ok(found, `/reports/${id}/ has an article`);
    return found;
  };

  test('the chrome the sidecar lists is gone from the page', () => {
    const text = article('lantern-2019-field-notes').textContent;
    for (const chrome of ['Share this post', 'Subscribe to the Saltmere Dispatch', 'IMG_2041.jpg']) {
      assert.ok(!text.includes(chrome), `“${chrome}” was removed`);
    }
  });

  test('corrections are visible as editor’s notes, not silent', () => {
    const page = site.page('/reports/lantern-2019-field-notes/');
    const plain = article('lantern-2019-field-notes').querySelectorAll('.ed').find((e) => e.querySelector('ins')?.textContent.includes('Mossgate'));
    assert.ok(plain, 'the Mossgate correction is wrapped as an edit');
    // A typo-level correction: the corrected word, a marker linking to its note, and a link back.
    const marker = plain.querySelector('a.ed-ref');
    assert.ok(marker, 'the Mossgate correction has a footnote marker');
    assert.match(marker.textContent, /editor’s note 1/);
    const note = page.getElementById(marker.getAttribute('href')!.slice(1));
    assert.ok(note, `the marker's note ${marker.getAttribute('href')} is on the page`);
    assert.ok(note.closest('.article'), 'the note is listed at the end of the article');
    assert.match(note.textContent, /The captured text reads “Mosgate”/);
    assert.equal(note.querySelector('a.ed-back')?.getAttribute('href'), `#${marker.getAttribute('id')}`, 'the note links back to its marker');
    assert.equal(plain.querySelector('.ed-note'), null, 'a typo note does not interrupt the sentence');

    const withNote = article('lantern-2023-day-one').querySelectorAll('.ed').find((e) => e.querySelector('ins')?.textContent === '30 talks');
    assert.ok(withNote, 'the “30 talks” correction is wrapped as an edit');
    assert.match(withNote.querySelector('.ed-note')!.textContent, /the captured text reads “3 talks”\. The capture lost a digit/);
  });

  test('a quoted section keeps the corrected word but no marker pointing at a note it does not have', () => {
    const page = site.page('/topics/capacity-planning/');
    const main = page.querySelector('main')!;
    assert.ok(main.textContent.includes('lets Mossgate add more'), 'the topic page quotes the corrected sentence');
    assert.equal(main.querySelectorAll('.ed-ref').length, 0, 'no typo marker outside the report');
    const dangling = main.querySelectorAll('a[href^="#"]').map((a) => a.getAttribute('href')!).filter((h) => h.length > 1 && !page.getElementById(decodeURIComponent(h.slice(1))));
    assert.deepEqual(dangling, [], 'in-page links point at ids on the page');
  });

  test('a note on its own line is a block; a substantive inline note stays in its sentence', () => {
    const notes = article('lantern-2019-field-notes').querySelectorAll('.ed-note');
    const block = notes.find((n) => n.textContent.includes('photo of the sponsor hall'));
    assert.ok(block, 'the block note is on the page');
    assert.equal(block.tagName, 'P');
    assert.ok(block.classList.contains('ed-block'));
    assert.match(block.textContent, /^Editor’s note: The capture lost this section's photo/);
    const inline = article('lantern-2023-day-one').querySelectorAll('.ed-note').find((n) => n.textContent.includes('lost a digit'))!;
    assert.equal(inline.tagName, 'SPAN');
    assert.equal(inline.closest('p')?.textContent.includes('on the programme'), true);
  });

  test('structure is restored: headings, three-level lists, code, tables', () => {
    assert.ok(site.page('/reports/lantern-2023-day-one/').getElementById('pipelines-without-a-queue'));
    const tidepool = article('lantern-2023-and-tidepool');
    const deepest = tidepool.querySelectorAll('li > ul > li > ul > li').map((li) => li.textContent.trim());
    assert.ok(deepest.includes('Dedicated nodes for the storage tier'), `third-level items: ${deepest.join(' | ')}`);
    assert.ok(deepest.length >= 5, `${deepest.length} third-level items`);
    const inline = tidepool.querySelectorAll('p code').map((c) => c.textContent);
    assert.ok(inline.includes('nib') && inline.includes('nib check'), `inline code: ${inline.join(', ')}`);
    // (node-html-parser keeps a <pre>'s content as raw text: parsed here.)
    const block = tidepool.querySelector('pre');
    assert.ok(block, 'the fenced code block is a <pre>');
    const code = parse(block.innerHTML).querySelector('code');
    assert.ok(code?.classList.contains('language-toml'), 'the fenced code block is code');
    assert.ok(code!.textContent.includes('run = "nib lint && nib test"'), 'the fenced code block keeps its text');

    const table = article('lantern-2025-recap').querySelector('table');
    assert.ok(table, 'the GFM table is a table');
    assert.deepEqual(table.querySelectorAll('th').map((th) => th.textContent.trim()), ['Team', 'Agents at peak', 'Median wait']);
    assert.deepEqual(table.querySelectorAll('tbody tr').map((tr) => tr.querySelector('td')!.textContent.trim()), ['Payments', 'Search', 'Mobile']);
  });
});
