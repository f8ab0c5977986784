import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { starlightPage, writeStarlightPages } from '../../scripts/bench/same-texts.ts';

const root = mkdtempSync(join(tmpdir(), 'bench-same-texts-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Frontmatter (parsed) and body of a page or report. */
const split = (text: string) => {
  const end = text.indexOf('\n---\n', 4);
  return { data: parseYaml(text.slice(4, end)) as Record<string, unknown>, body: text.slice(end + 5) };
};

describe('the Starlight side by side uses the same page texts', () => {
  const content = join(root, 'content'), pages = join(root, 'pages');
  writeCorpus({ n: 6, seed: 5, out: content });
  const written = writeStarlightPages(content, pages);
  const files = readdirSync(join(content, 'reports')).filter((f) => f.endsWith('.mdx')).sort();
  const photos = readdirSync(join(content, 'reports')).filter((f) => f.endsWith('.png')).sort();

  test('each Starlight page carries its report\'s body byte for byte, its title, and its summary as description', () => {
    assert.equal(written.length, 6);
    assert.ok(photos.length > 0, 'the corpus has photos');
    assert.deepEqual(readdirSync(pages).sort(), [...files, ...photos].sort(), 'every page, and the photos beside them');
    for (const f of files) {
      const report = split(readFileSync(join(content, 'reports', f), 'utf8'));
      const page = split(readFileSync(join(pages, f), 'utf8'));
      assert.ok(report.body.length > 200);
      assert.equal(page.body, report.body);
      assert.deepEqual(page.data, { title: report.data.title, description: report.data.summary });
    }
  });
  test('a report without frontmatter is refused in our format', () => {
    assert.throws(() => starlightPage('## Only a heading\n', 'x/r.mdx'), { message: 'x/r.mdx:1: (frontmatter): expected a "---" block with title and summary, found none' });
  });
});
