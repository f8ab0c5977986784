/**
 * The renderer's cache key (src/markdown/cache.ts): the check and the content loader read
 * tools.yaml differently (the check through its schema, with defaults filled in; the loader as
 * written), and must still agree on the key, or a cold build renders every report twice.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRegistries } from '../../src/check/index.ts';
import { pipelineKey } from '../../src/markdown/cache.ts';
import { readToolSpellings } from '../../src/markdown/tool-spellings.ts';
import { contentPathsFor } from '../../src/paths.ts';
import { FIXTURE_CONTENT } from '../helpers/builds.ts';

test('the check and the loader compute one renderer cache key for the same tools.yaml', () => {
  const checked = readRegistries(FIXTURE_CONTENT).tools;
  const raw = readToolSpellings(contentPathsFor(FIXTURE_CONTENT).tools);
  assert.notDeepEqual(checked.map((t) => t.match), raw.map((t) => t.match), 'the fixture has spellings whose defaults the schema fills in');
  assert.equal(pipelineKey({ tools: checked, base: '/' }), pipelineKey({ tools: raw, base: '/' }));
});

test('the key changes with what changes the output: a spelling’s case or code rule, the base', () => {
  const tools = [{ id: 't', match: [{ text: 'Tee', case: 'sensitive' as const, code: false }] }];
  const key = pipelineKey({ tools, base: '/' });
  assert.notEqual(pipelineKey({ tools: [{ id: 't', match: ['Tee'] }], base: '/' }), key);
  assert.notEqual(pipelineKey({ tools: [{ id: 't', match: [{ text: 'Tee', case: 'sensitive' as const, code: true }] }], base: '/' }), key);
  assert.notEqual(pipelineKey({ tools, base: '/kb/' }), key);
});
