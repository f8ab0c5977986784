/**
 * The search page's facets are the build's: the facets and page types it embeds
 * (`#search-vocabulary`, from src/site/kinds.ts) are exactly the filters the built pages give
 * Pagefind (`data-pagefind-filter`), so a facet added on one side only fails here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixture, fixtureKb } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

for (const build of [fixture, fixtureKb]) {
  describe(`${build.name}: the search page's facets`, () => {
    const site = openSite(build.dir, build.base);
    const embedded = site.page(`${build.base}search/`).querySelector('#search-vocabulary')?.textContent;
    const vocabulary = JSON.parse(embedded ?? 'null') as { facets: { id: string; label: string }[]; types: Record<string, string> } | null;
    /** Every filter the built pages give Pagefind, with the values it takes. */
    const filters = new Map<string, Set<string>>();
    for (const path of site.pages) {
      for (const el of site.page(path).querySelectorAll('[data-pagefind-filter]')) {
        const name = el.getAttribute('data-pagefind-filter')!;
        if (!filters.has(name)) filters.set(name, new Set());
        filters.get(name)!.add(el.textContent.trim());
      }
    }

    test('the page embeds its facets with their labels', () => {
      assert.ok(vocabulary, 'search/ embeds #search-vocabulary');
      for (const facet of vocabulary.facets) assert.ok(facet.label.trim(), `facet ${facet.id} has a label`);
    });

    test('its facets are the filters the pages are indexed under (and "site", given to other sites\' pages when merged)', () => {
      const shown = vocabulary!.facets.map((f) => f.id).filter((id) => id !== 'site').sort();
      assert.deepEqual(shown, [...filters.keys()].sort());
      assert.ok(vocabulary!.facets.some((f) => f.id === 'site'), 'the "Site" facet for merged indexes');
    });

    test('every page type the pages carry has a name on the search page, and every name is a type some page carries', () => {
      assert.deepEqual(Object.keys(vocabulary!.types).sort(), [...(filters.get('type') ?? [])].sort());
      for (const [type, name] of Object.entries(vocabulary!.types)) assert.ok(name.trim(), `type ${type} has a name`);
    });
  });
}
