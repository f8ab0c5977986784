/** The schedule parsers (src/schedule/), each on its made-up export in tests/fixtures/schedules/. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { schedSpeakers } from '../../src/schedule/icalendar.ts';
import { kindOf, plainText, type Session } from '../../src/schedule/programme.ts';
import { readProgramme } from '../../src/schedule/read.ts';

const fixture = (name: string) => `tests/fixtures/schedules/${name}`;
const read = (name: string, zone?: string) => {
  const { programme, problems } = readProgramme(fixture(name), zone);
  assert.deepEqual(problems, []);
  return programme!;
};
const byTitle = (sessions: Session[], title: string) => sessions.find((s) => s.title === title);

describe('Pretalx/frab JSON', () => {
  const p = read('lantern-2023.pretalx.json');
  test('the conference, two days and three rooms', () => {
    assert.equal(p.format, 'Pretalx/frab JSON');
    assert.deepEqual([p.title, p.start, p.end, p.timezone], ['Lantern Summit 2023', '2023-06-13', '2023-06-14', 'Europe/Lisbon']);
    assert.deepEqual([...new Set(p.sessions.map((s) => s.day))], ['2023-06-13', '2023-06-14']);
    assert.deepEqual([...new Set(p.sessions.map((s) => s.room))].sort(), ['Harbour Hall', 'Room C', 'Rope Loft']);
  });
  test('a session in talks.yaml fields: HTML abstract as text, links sorted into recording and slides', () => {
    assert.deepEqual(byTitle(p.sessions, 'Warm Pools, Four Years Later'), {
      where: 'schedule.conference.days[0].rooms["Harbour Hall"][1]',
      sessionId: 'WRM4PL',
      title: 'Warm Pools, Four Years Later',
      subtitle: 'What we kept, what we threw away',
      speakers: ['Ansel Varga'],
      kind: 'talk',
      day: '2023-06-13',
      start: '09:30',
      duration: 40,
      room: 'Harbour Hall',
      track: 'Operations',
      language: 'en',
      abstract: 'Four years of warm pools & what they cost.',
      programme: 'https://pretalx.example.org/lantern-2023/talk/WRM4PL/',
      recording: 'https://video.example.org/lantern-2023/warm-pools/',
      slides: undefined,
    });
    assert.equal(byTitle(p.sessions, 'Pipelines without a queue')?.slides, 'https://slides.example.org/pipelines-without-a-queue/');
  });
  test('kinds from the session type; breaks, lunch and registration are breaks; several speakers in order, non-ASCII kept', () => {
    assert.deepEqual(p.sessions.map((s) => s.kind), ['break', 'talk', 'break', 'talk', 'talk', 'panel', 'keynote', 'workshop', 'break']);
    assert.deepEqual(byTitle(p.sessions, 'Release Trains at Scale')?.speakers, ['Zoë Ångström', 'Łukasz Brzęczyszczykiewicz', 'Mireille Osei']);
  });
});

describe('Sessionize "All data" JSON', () => {
  const p = read('tidepool-2023.sessionize.json');
  test('speakers, rooms and categories joined by id; service sessions are breaks', () => {
    assert.equal(p.format, 'Sessionize JSON');
    assert.deepEqual([p.title, p.start, p.end, p.timezone], [undefined, '2023-06-12', '2023-06-12', undefined]);
    const panel = byTitle(p.sessions, 'Stateful Sets, Stateless Minds')!;
    assert.deepEqual(
      [panel.sessionId, panel.speakers, panel.kind, panel.day, panel.start, panel.duration, panel.room, panel.track, panel.language, panel.abstract, panel.recording],
      ['90003', ['Amélie Nørgaard', 'Tomasz Wren'], 'panel', '2023-06-12', '10:00', 45, 'Main Stage', 'Kubernetes', 'en', 'A panel on stateful workloads.', 'https://video.example.org/tidepool-2023/stateful-sets/'],
    );
    assert.deepEqual(p.sessions.map((s) => s.kind), ['break', 'talk', 'panel', 'break', 'lightning talk']);
  });
});

describe('iCalendar', () => {
  test("Sched's export: folded lines unfolded, escaped commas, TZID times, speakers from the summary", () => {
    const p = read('lantern-2025.sched.ics');
    assert.deepEqual([p.format, p.title, p.timezone], ['iCalendar (Sched)', 'Lantern Summit 2025', 'Europe/Oslo']);
    const panel = byTitle(p.sessions, 'Forecasting Build Capacity')!;
    assert.deepEqual(
      [panel.speakers, panel.kind, panel.day, panel.start, panel.duration, panel.room, panel.abstract],
      [['Ravi Calloway', 'Ansel Varga'], 'panel', '2025-10-08', '11:00', 45, 'Orchard Hall, Level 2', 'How much build capacity will we need next quarter? Two teams, two models.'],
    );
    const merge = byTitle(p.sessions, 'Merge Queues - the Good Parts')!;
    assert.deepEqual([merge.speakers, merge.track, merge.abstract], [["Siân O'Connor-Ifeoma"], 'Developer Experience', 'Merge queues, "done right".']);
    assert.equal(p.sessions.filter((s) => s.kind === 'break').length, 1);
  });
  test('a plain calendar: UTC times shown in its X-WR-TIMEZONE, no speakers guessed', () => {
    const p = read('lantern-2019.plain.ics');
    assert.equal(p.format, 'iCalendar');
    assert.deepEqual(
      p.sessions.map((s) => [s.title, s.speakers, s.kind, s.day, s.start, s.duration]),
      [
        ['The Release Flywheel', [], 'keynote', '2019-04-09', '09:00', 60],
        ['Artifacts Are Forever', [], 'talk', '2019-04-10', '14:00', 25],
      ],
    );
  });
  test('UTC times without any zone are refused, or shown in the zone given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ics-'));
    const file = join(dir, 'utc.ics');
    writeFileSync(file, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN', 'BEGIN:VEVENT', 'UID:1', 'DTSTART:20300101T120000Z', 'SUMMARY:Noon', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    assert.deepEqual(readProgramme(file).problems.map((p) => `${p.line}: ${p.field}: ${p.message}`), [
      '6: DTSTART: expected times with a time zone, found UTC times and no zone to show them in; give the event a timezone in events.yaml, or pass --timezone <IANA zone>',
    ]);
    assert.equal(readProgramme(file, 'Asia/Tokyo').programme?.sessions[0]?.start, '21:00');
  });
  test("Sched's tail is split only when it reads as names", () => {
    assert.deepEqual(schedSpeakers('Build - Run - Ship'), { title: 'Build - Run - Ship', speakers: [] });
    assert.deepEqual(schedSpeakers('Ops - Jo Park & Lee Chan, Beta'), { title: 'Ops', speakers: ['Jo Park', 'Lee Chan'] });
  });
});

describe('shared helpers', () => {
  test('HTML to one line of text, without scripts', () => {
    assert.equal(plainText('<p>One &amp; two</p>\n<p>three<script>x()</script></p>'), 'One & two three');
  });
  test('kinds: a type label first, then the title; a title alone makes a break only without speakers', () => {
    assert.deepEqual(['Lightning Talks', 'Tutorial', 'Fireside chat', 'Break the monolith'].map((t) => kindOf(undefined, t, 1)), ['lightning talk', 'workshop', 'fireside chat', 'talk']);
    assert.deepEqual([kindOf(undefined, 'Coffee break', 0), kindOf('Break', 'Welcome', 0), kindOf('Keynote', 'Lunch and learn', 1)], ['break', 'break', 'keynote']);
  });
});
