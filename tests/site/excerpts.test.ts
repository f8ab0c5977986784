/**
 * Editor's notes are ours, not the author's: they stay out of the excerpts a reader sees for a
 * passage (key excerpts on topic and talk pages, src/lib/brief.ts) and out of the search index
 * that search results quote (src/integrations/search-index.ts). The fixture report
 * `lantern-2025-failover-drill` has a note inside a paragraph that carries its topic's term.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { fixture } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

const site = openSite(fixture.dir, fixture.base);

describe('editor’s notes stay out of excerpts', () => {
  test('the key excerpt quotes the paragraph around an inline note, without the note', () => {
    const passage = site.page('/topics/stateful-workloads/').getElementById('lantern-2025-failover-drill--the-drill')!;
    const excerpt = passage.querySelector('.key-excerpt')!;
    assert.match(excerpt.textContent, /After the failover the old database stayed read-only\.\s+Nobody lost a write\./);
    assert.doesNotMatch(excerpt.textContent, /Editor’s note|not preserved/);
    assert.match(passage.querySelector('.passage-body')!.textContent, /\[Editor’s note: The photo of the dashboard is not preserved\.\]/, 'the full section keeps it');
  });

  test('no page in the search index holds a note’s words', () => {
    const folder = join(fixture.dir, 'pagefind', 'fragment');
    const contents = readdirSync(folder).map((f) => {
      const text = gunzipSync(readFileSync(join(folder, f))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    });
    const drill = contents.find((c) => c.url === '/reports/lantern-2025-failover-drill/');
    assert.match(drill?.content ?? '', /stayed read-only\. Nobody lost a write\./);
    assert.deepEqual(contents.filter((c) => /Editor’s note|not preserved|captured text reads/.test(c.content)).map((c) => c.url), []);
  });
});
