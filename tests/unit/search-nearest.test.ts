import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageType } from '../../src/lib/page-type.ts';
import { likeness, nearest, type Place } from '../../src/scripts/search/nearest.ts';

const places: Place[] = [
  { name: 'Capacity planning', url: '/topics/capacity-planning/', kind: 'topic' },
  { name: 'Cold starts', url: '/topics/cold-starts/', kind: 'topic' },
  { name: 'Quillpipe', url: '/tools/quillpipe/', kind: 'tool' },
  { name: 'Kubernetes', url: '/tools/kubernetes/', kind: 'tool' },
];

test('a misspelt tool or topic name finds it first', () => {
  assert.equal(nearest('quilpipe', places)[0]?.name, 'Quillpipe');
  assert.equal(nearest('kubernets', places)[0]?.name, 'Kubernetes');
  assert.equal(nearest('capacty planing', places)[0]?.name, 'Capacity planning');
  assert.equal(nearest('cold', places)[0]?.name, 'Cold starts');
});

test('unrelated words find nothing, and an empty query nothing', () => {
  assert.deepEqual(nearest('zebra', places), []);
  assert.deepEqual(nearest('  ', places), []);
});

test('likeness: equal words 1, prefixes high, strangers low', () => {
  assert.equal(likeness('helm', 'helm'), 1);
  assert.ok(likeness('kube', 'kubernetes') > 0.8);
  assert.ok(likeness('zebra', 'quillpipe') < 0.2);
});

test('pageType: the first path segment under base, singular; section indexes have none', () => {
  assert.equal(pageType('/reports/x/'), 'report');
  assert.equal(pageType('/kb/people/ada/', '/kb/'), 'person');
  assert.equal(pageType('/kb/talks/t/', '/kb/'), 'talk');
  assert.equal(pageType('/reports/'), undefined);
  assert.equal(pageType('/search/'), undefined);
  assert.equal(pageType('/'), undefined);
});
