/**
 * Pretalx's `schedule.json` (the frab / C3VOC schedule format): schedule.conference with its
 * title, dates, time zone and days[].rooms{room: [events]}. Each event's local date and time are
 * the programme's own (`date` carries the offset, `start` the clock), so nothing is converted.
 */
import { httpUrl, kindOf, minutesOf, plainText, untitled, type Programme, type Session } from './programme.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** True when `data` has the frab shape this reads. */
export const isFrab = (data: unknown) => isObject(data) && isObject(data.schedule) && isObject(data.schedule.conference);

/** The link among `links` whose title or address says `pattern` (recordings, slides). */
const linkTo = (links: unknown[], pattern: RegExp) =>
  links.filter(isObject).map((l) => ({ url: httpUrl(l.url ?? l.href), title: `${l.title ?? ''} ${l.type ?? ''} ${l.url ?? ''}` })).find((l) => l.url && pattern.test(l.title))?.url;

export function readFrab(data: Json, file: string): Programme {
  const conference = (data.schedule as Json).conference as Json;
  const sessions: Session[] = [];
  const skipped = [];
  for (const [d, day] of list(conference.days).entries()) {
    if (!isObject(day) || !isObject(day.rooms)) continue;
    for (const [room, events] of Object.entries(day.rooms)) {
      for (const [i, event] of list(events).entries()) {
        if (!isObject(event)) continue;
        const where = `schedule.conference.days[${d}].rooms[${JSON.stringify(room)}][${i}]`;
        const title = plainText(event.title, 300);
        if (!title) {
          skipped.push(untitled(file, where));
          continue;
        }
        const speakers = list(event.persons).filter(isObject).map((p) => plainText(p.public_name ?? p.name, 200)).filter((n): n is string => !!n);
        const links = [...list(event.links), ...list(event.attachments)];
        sessions.push({
          where,
          sessionId: String(event.code ?? event.guid ?? event.id ?? where),
          title,
          subtitle: plainText(event.subtitle, 300),
          speakers,
          kind: kindOf(typeof event.type === 'string' ? event.type : undefined, title, speakers.length),
          day: typeof event.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(event.date) ? event.date.slice(0, 10) : typeof day.date === 'string' ? day.date : undefined,
          start: typeof event.start === 'string' && /^\d{1,2}:\d{2}$/.test(event.start) ? event.start.padStart(5, '0') : undefined,
          duration: minutesOf(event.duration),
          room: plainText(event.room ?? room, 200),
          track: plainText(event.track, 200),
          language: typeof event.language === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(event.language) ? event.language : undefined,
          abstract: plainText(event.abstract) ?? plainText(event.description),
          programme: httpUrl(event.url),
          recording: linkTo(links, /video|recording|youtube|vimeo|media\.ccc/i),
          slides: linkTo(links, /slides|speakerdeck|slideshare|\.pdf\b/i),
        });
      }
    }
  }
  const text = (key: string) => (typeof conference[key] === 'string' ? (conference[key] as string) : undefined);
  return {
    format: 'Pretalx/frab JSON',
    title: plainText(conference.title, 200),
    start: text('start')?.slice(0, 10),
    end: text('end')?.slice(0, 10),
    timezone: text('time_zone_name'),
    url: httpUrl(conference.url),
    sessions,
    skipped,
  };
}
