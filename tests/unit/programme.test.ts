/** Programme data as pages show it (src/lib/programme.ts): times, zones, hosts, the programme's order, paging. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMinutes, hostName, mediaOf, pagesBySize, programmeCoverage, programmeOf, whenOf, zoneOffset } from '../../src/lib/programme.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('programme data', () => {
  test('end times wrap past midnight; a zone is named with its offset on that day (summer and winter time)', () => {
    assert.equal(addMinutes('14:30', 40), '15:10');
    assert.equal(addMinutes('23:40', 30), '00:10');
    assert.equal(zoneOffset('Europe/Madrid', day('2022-05-18'), '14:30'), 'UTC+2');
    assert.equal(zoneOffset('Europe/Madrid', day('2022-11-18'), '14:30'), 'UTC+1');
    assert.equal(zoneOffset('America/Chicago', day('2023-11-07'), '09:00'), 'UTC−6');
    assert.equal(zoneOffset('Asia/Kolkata', day('2023-11-07')), 'UTC+5:30');
    assert.equal(zoneOffset('UTC', day('2023-11-07')), 'UTC');
  });

  test('when a talk was on: day, start–end and the zone; only what the programme gives', () => {
    const talk = { id: 't', title: 'T', day: day('2022-05-18'), start: '14:30', duration: 35 };
    assert.deepEqual(whenOf(talk, 'Europe/Madrid'), { day: 'Wednesday 18 May 2022', time: '14:30–15:05', zone: 'Europe/Madrid, UTC+2', datetime: '2022-05-18T14:30' });
    assert.deepEqual(whenOf({ ...talk, duration: undefined }), { day: 'Wednesday 18 May 2022', time: '14:30', datetime: '2022-05-18T14:30' });
    assert.deepEqual(whenOf({ id: 't', title: 'T' }, 'Europe/Madrid'), {});
  });

  test('recording and slides name their host; well-known hosts by name', () => {
    assert.equal(hostName('https://www.youtube.com/watch?v=x'), 'YouTube');
    assert.equal(hostName('https://speakerdeck.com/a/b'), 'Speaker Deck');
    assert.equal(hostName('https://slides.example.org/x/'), 'slides.example.org');
    assert.deepEqual(mediaOf({ slides: 'https://vimeo.com/1', recording: 'https://youtu.be/x' }).map((l) => `${l.label} on ${l.host}`), ['Recording on YouTube', 'Slides on Vimeo']);
  });

  test('a programme goes by day, then room, then start; talks without a day or room come last', () => {
    const t = (id: string, d?: string, room?: string, start?: string) => ({ id, title: id, ...(d ? { day: day(d) } : {}), ...(room ? { room } : {}), ...(start ? { start } : {}) });
    const days = programmeOf([t('late', '2023-06-14', 'A', '09:00'), t('b2', '2023-06-13', 'B', '11:00'), t('none'), t('a2', '2023-06-13', 'A', '14:00'), t('a1', '2023-06-13', 'A', '09:00'), t('noroom', '2023-06-13')]);
    assert.deepEqual(days.map((d) => [d.day?.toISOString().slice(0, 10), d.rooms.map((r) => [r.room, r.talks.map((x) => x.id)])]), [
      ['2023-06-13', [['A', ['a1', 'a2']], ['B', ['b2']], [undefined, ['noroom']]]],
      ['2023-06-14', [['A', ['late']]]],
      [undefined, [[undefined, ['none']]]],
    ]);
    const coverage = programmeCoverage([t('a', '2023-06-13'), t('b', '2023-06-13'), t('hand')], (x) => x.id !== 'b');
    assert.deepEqual([coverage.covered.map((x) => x.id), coverage.listed, coverage.scheduled], [['a', 'hand'], 2, 1]);
  });

  test('pages by size: greedy, in order, an oversized item alone, never empty pages but one', () => {
    assert.deepEqual(pagesBySize([40, 40, 40, 150, 10], (n) => n, 100), [[40, 40], [40], [150], [10]]);
    assert.deepEqual(pagesBySize([], (n: number) => n, 100), [[]]);
  });
});
