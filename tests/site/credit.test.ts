/**
 * The credit and topic lines of every report page read as sentences: the words the page builds
 * around names, titles and sites keep their spaces ("Written by Paul Eichlerand first published"
 * was once on every page). Generic: the expected sentence is made from each report's own data.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';
import { allBuilds } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

/** Spaces folded; quotes and dashes folded too, as the page sets them typographically and the check does not. */
const fold = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();

for (const build of allBuilds) {
  const site = openSite(build.dir, build.base);
  const { reports, people } = checkContent({ dir: build.content });
  const published = reports.filter((r) => r.data && !r.data.draft);

  describe(`${build.name}: credit and topic lines`, () => {
    test('the credit line is the expected sentence, word for word', () => {
      assert.ok(published.length > 0);
      for (const { id, data } of published) {
        const { source, title } = data!;
        const author = people.find((p) => p.id === data!.author.id)!;
        const by = `Written by ${author.name}${author.handle ? ` (@${author.handle})` : ''}`;
        const expected = source
          ? `${by} and first published as “${title}” on ${source.site}. ${source.note ? `${source.note} ` : ''}The text is the author’s; we removed page chrome and restored headings and lists. Every correction is marked as an editor’s note.`
          : `${by} for Hallway Track; it was not published elsewhere.`;
        const credit = site.page(`${build.base}reports/${id}/`).querySelector('#credit')?.parentNode?.querySelector('p');
        assert.equal(fold(credit?.textContent ?? ''), fold(expected), `/reports/${id}/`);
      }
    });

    test('each topic line reads "Topic: Section, Section"', () => {
      for (const { id, data, record } of published) {
        const items = site.page(`${build.base}reports/${id}/`).querySelectorAll('#topics ~ ul > li').map((li) => fold(li.textContent));
        const titles = new Map(record!.sections.map((s) => [s.id, s.title]));
        const topicTitle = (topic: string) => site.page(`${build.base}topics/${topic}/`).querySelector('h1')!.textContent.trim();
        assert.deepEqual(items, data!.topics.map((t) => fold(`${topicTitle(t.topic.id)}: ${t.sections.map((s) => titles.get(s)).join(', ')}`)), `/reports/${id}/`);
      }
    });
  });
}
