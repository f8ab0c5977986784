import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nameMatch, normalizeText, proposeTalks, sameTitle, titleOfSummary } from '../../src/lib/talk-match.ts';

const talks = [
  { id: 'warm-pools', title: 'Warm Pools, Four Years Later', speakers: ['ansel-varga'] },
  { id: 'flywheel', title: 'The Release Flywheel', speakers: ['hedda-quist'] },
  { id: 'db-tier', title: 'Untitled talk on sizing a database tier', speakers: [] },
  { id: 'forecasting', title: 'Forecasting Build Capacity', speakers: ['marvin'] },
];
const people = { 'ansel-varga': { name: 'Ansel Varga' }, 'hedda-quist': { name: 'Hedda Quist' }, marvin: { name: 'Marvin' } };

describe('talk titles', () => {
  test('normalized without case, accents, quotes or punctuation', () => {
    assert.equal(normalizeText('“Warm Pools,” Revisited — Ça va!'), 'warm pools revisited ca va');
    assert.ok(sameTitle('WARM pools: four years later', 'Warm Pools, Four Years Later'));
    assert.ok(!sameTitle('Warm Pools', 'Warm Pools, Four Years Later'));
  });
  test("Sched's speaker tail is dropped when it credits a speaker", () => {
    assert.equal(titleOfSummary('Pipelines - Without a Queue - Mireille Osei, Fernway Labs', ['Mireille Osei']), 'Pipelines - Without a Queue');
    assert.equal(titleOfSummary('Build - Run - Ship', ['Mireille Osei']), 'Build - Run - Ship');
    assert.equal(titleOfSummary('Scaling Up - Jo Park, Acme & Lee Chan, Beta'), 'Scaling Up');
    assert.ok(sameTitle('The Release Flywheel - Hedda Quist, Saltmere Build Guild', 'The release flywheel'));
  });
});

describe('names', () => {
  test('the same name, or a first name alone', () => {
    assert.equal(nameMatch('Zoë Ångström', 'zoe angstrom'), 'same');
    assert.equal(nameMatch('Marvin', 'Marvin Keller'), 'first');
    assert.equal(nameMatch('Marvin Keller', 'Marvin Kessler'), undefined);
    assert.equal(nameMatch('Mar', 'Marvin Keller'), undefined);
  });
});

describe('proposeTalks', () => {
  test('a section naming a title is sure', () => {
    assert.deepEqual(proposeTalks('## Warm pools four years later\nAnsel showed…', talks, people), [
      { id: 'warm-pools', sure: true, why: 'names the title "Warm Pools, Four Years Later"' },
    ]);
  });
  test('a speaker, an untitled subject, or most title words are hints', () => {
    assert.deepEqual(proposeTalks('Hedda Quist opened the day.', talks, people), [{ id: 'flywheel', sure: false, why: 'names its speaker Hedda Quist' }]);
    assert.deepEqual(proposeTalks('The last talk was on sizing the database tier.', talks, people), [
      { id: 'db-tier', sure: false, why: 'names its subject "sizing a database tier"' },
    ]);
    assert.deepEqual(proposeTalks('Forecasting capacity for builds', talks, people).map((p) => [p.id, p.sure]), [['forecasting', false]]);
  });
  test('a first name alone or one shared word proposes nothing', () => {
    assert.deepEqual(proposeTalks('Marvin talked about pools.', talks, people), []);
  });
});
