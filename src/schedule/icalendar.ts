/**
 * iCalendar programmes, read with ical.js (folded lines, escaped commas and TZID times are its
 * job): Sched's exports, whose SUMMARY is "Title - Speaker, Company & Speaker, Company", and plain
 * calendars. Times are written as local times in the programme's zone: a TZID time as it is (or
 * converted when events use several zones), a UTC time in the calendar's X-WR-TIMEZONE or the
 * event's `timezone`.
 */
import ICAL from 'ical.js';
import type { Problem } from '../lib/problems.ts';
import { titleOfSummary } from '../lib/talk-match.ts';
import { httpUrl, kindOf, knownZone, localIn, plainText, spanOf, untitled, type Programme, type Session } from './programme.ts';

/** True when `text` starts like an iCalendar file. */
export const isICalendar = (text: string) => /^\s*BEGIN:VCALENDAR/i.test(text);

/** Sched's speaker credit after the last " - ": names (two to five capitalised words each) before their companies. */
export function schedSpeakers(summary: string): { title: string; speakers: string[] } {
  const at = summary.lastIndexOf(' - ');
  if (at < 0) return { title: summary, speakers: [] };
  const names = summary.slice(at + 3).split(/\s*&\s*|\s+and\s+/).map((part) => part.split(',')[0]!.trim());
  const isName = (n: string) => /^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){1,4}$/u.test(n);
  return names.length && names.every(isName) ? { title: titleOfSummary(summary, names), speakers: names } : { title: summary, speakers: [] };
}

/** The UTC instant of the wall-clock time `y-m-dTh:m` in `zone`. */
function instantOf(wall: string, zone: string): Date {
  const guess = Date.parse(`${wall}:00Z`);
  const seen = localIn(new Date(guess), zone);
  const offset = Date.parse(`${seen.day}T${seen.start}:00Z`) - guess;
  return new Date(guess - offset);
}

/** Line (1-based) of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
};

/**
 * Reads an iCalendar programme; `zone` is the event's time zone from events.yaml, for UTC times
 * when the calendar names none. Fatal problems (an unknown zone, no zone for UTC times) come back
 * in `problems`.
 */
export function readICalendar(text: string, file: string, zone?: string): Programme & { problems: Problem[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const sched = /sched/i.test(String(calendar.getFirstPropertyValue('prodid') ?? ''));
  const calendarZone = plainText(calendar.getFirstPropertyValue('x-wr-timezone'));
  const problems: Problem[] = [];
  const badZone = (found: string) =>
    problems.push({ file, line: lineOf(text, found), field: 'TZID', message: `expected an IANA time zone such as "Europe/Madrid", found "${found}"; export the calendar with IANA zone names, or with UTC times and --timezone` });
  const events = calendar.getAllSubcomponents('vevent');
  const zones = events.map((e) => e.getFirstProperty('dtstart')?.getParameter('tzid')).filter((z): z is string => typeof z === 'string');
  const programmeZone = zones[0] ?? calendarZone ?? zone;
  for (const z of new Set([...zones, ...(calendarZone ? [calendarZone] : [])])) if (!knownZone(z)) badZone(z);
  const sessions: Session[] = [];
  const skipped: Problem[] = [];
  for (const [i, component] of events.entries()) {
    const event = new ICAL.Event(component);
    const where = `VEVENT[${i}]`;
    const summary = plainText(event.summary, 600);
    if (!summary) {
      skipped.push({ ...untitled(file, where), field: `${where}.SUMMARY`, line: lineOf(text, String(event.uid ?? '\u0000')) });
      continue;
    }
    const { title, speakers } = sched ? schedSpeakers(summary) : { title: summary, speakers: [] };
    const category = plainText(component.getFirstPropertyValue('categories'), 200);
    const startDate = event.startDate;
    let day: string | undefined;
    let start: string | undefined;
    if (startDate) {
      const wall = startDate.toString().slice(0, 16);
      const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
      day = wall.slice(0, 10);
      if (!startDate.isDate) {
        const here = typeof tzid === 'string' ? tzid : startDate.zone?.tzid === 'UTC' ? 'UTC' : undefined;
        if (here && programmeZone && here !== programmeZone && knownZone(here) && knownZone(programmeZone)) {
          ({ day, start } = localIn(here === 'UTC' ? startDate.toJSDate() : instantOf(wall, here), programmeZone));
        } else if (here === 'UTC' && !programmeZone) {
          if (!problems.some((p) => p.field === 'DTSTART')) {
            problems.push({ file, line: lineOf(text, 'DTSTART'), field: 'DTSTART', message: 'expected times with a time zone, found UTC times and no zone to show them in; give the event a timezone in events.yaml, or pass --timezone <IANA zone>' });
          }
        } else start = wall.slice(11, 16);
      }
    }
    const minutes = event.duration ? Math.round(event.duration.toSeconds() / 60) : 0;
    sessions.push({
      where,
      sessionId: plainText(event.uid, 300) ?? where,
      title,
      speakers,
      kind: kindOf(category, title, speakers.length),
      day,
      start,
      duration: minutes > 0 && minutes <= 24 * 60 ? minutes : undefined,
      room: plainText(event.location, 200),
      track: category && !/keynote|panel|workshop|lightning|break|lunch/i.test(category) ? category : undefined,
      abstract: plainText(event.description),
      programme: httpUrl(component.getFirstPropertyValue('url')),
    });
  }
  return {
    format: sched ? 'iCalendar (Sched)' : 'iCalendar',
    title: plainText(calendar.getFirstPropertyValue('x-wr-calname'), 200),
    ...spanOf(sessions),
    timezone: programmeZone,
    sessions,
    skipped,
    problems,
  };
}
