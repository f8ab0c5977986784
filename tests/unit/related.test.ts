import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reasonOf, relatedReading, type Feature } from '../../src/lib/related.ts';

interface R { id: string; f: Feature[] }
const topic = (id: string): Feature => ({ kind: 'topic', id, name: id.toUpperCase() });
const tool = (id: string): Feature => ({ kind: 'tool', id, name: id });
const event = (id: string): Feature => ({ kind: 'event', id, name: `Ev ${id}` });
const r = (id: string, ...f: Feature[]): R => ({ id, f });
const ids = (m: Map<string, { report: R }[]>, id: string) => m.get(id)!.map((x) => x.report.id);

describe('related reading', () => {
  const reports = [
    r('a', topic('ops'), tool('helm'), event('e1')),
    r('b', topic('ops'), topic('edge'), tool('helm'), event('e2')),
    r('c', tool('helm'), event('e1')),
    r('d', topic('edge'), event('e3')),
    r('e', event('e9')),
  ];
  const related = relatedReading(reports, (x) => x.f);

  test('shared topics count more than shared tools or events; never the report itself; at most three', () => {
    assert.deepEqual(ids(related, 'a'), ['b', 'c']);
    assert.deepEqual(ids(related, 'b'), ['a', 'd', 'c']);
    for (const [id, list] of related) assert.ok(list.every((x) => x.report.id !== id) && list.length <= 3);
  });

  test('a report sharing nothing has no related reading', () => {
    assert.deepEqual(related.get('e'), []);
  });

  test('says what is shared, topics first', () => {
    const b = related.get('a')!.find((x) => x.report.id === 'b')!;
    assert.deepEqual(b.shared.map((f) => f.id), ['ops', 'helm']);
    assert.equal(reasonOf(b.shared), 'also covers OPS, helm');
    const c = related.get('a')!.find((x) => x.report.id === 'c')!;
    assert.equal(reasonOf(c.shared), 'also covers helm');
    assert.equal(reasonOf([event('e1')]), 'also about Ev e1');
    assert.equal(reasonOf([topic('a'), topic('b'), topic('c'), tool('d')]), 'also covers A, B, C and 1 more');
  });

  test('a rare shared topic outweighs a common one', () => {
    const many = [r('x', topic('common'), topic('rare')), r('y', topic('rare')), ...Array.from({ length: 20 }, (_, i) => r(`z${i}`, topic('common')))];
    assert.equal(ids(relatedReading(many, (x) => x.f), 'x')[0], 'y');
  });

  test('ties are broken the same way every time (later report first)', () => {
    const tied = [r('p', topic('t')), r('q', topic('t')), r('s', topic('t')), r('u', topic('t')), r('v', topic('t'))];
    const once = relatedReading(tied, (x) => x.f);
    assert.deepEqual(ids(once, 'p'), ['v', 'u', 's']);
    assert.deepEqual(ids(relatedReading([...tied], (x) => x.f), 'p'), ids(once, 'p'));
  });

  test('a very common feature is walked only near the report, so work stays bounded', () => {
    const big = Array.from({ length: 50 }, (_, i) => r(`n${i}`, topic('all')));
    const near = relatedReading(big, (x) => x.f, { maxPostings: 6 });
    // Only the six reports around n40 in the given order are candidates.
    for (const x of near.get('n40')!) assert.ok(Math.abs(Number(x.report.id.slice(1)) - 40) <= 6, x.report.id);
    assert.equal(near.get('n40')!.length, 3);
  });
});
