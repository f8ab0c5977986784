/**
 * A talk's programme data as pages show it: when and where (in the event's own time zone, named,
 * since readers are rarely in it), its recording and slides as links naming their host, an
 * event's programme by day and room, and how a talk's passages are split into pages that stay
 * within the page budget. Pure: no Astro imports, no files, no clock.
 */
import { formatDate } from './format.ts';

/** The fields of a talk these helpers read (a catalog Talk has them all). */
export interface Scheduled {
  id: string;
  title: string;
  day?: Date | undefined;
  start?: string | undefined;
  duration?: number | undefined;
  room?: string | undefined;
  track?: string | undefined;
  recording?: string | undefined;
  slides?: string | undefined;
}

/** "14:30" plus `minutes`, on a 24-hour clock ("23:40" + 30 → "00:10"). */
export function addMinutes(clock: string, minutes: number): string {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The zone's offset from UTC on `day` at `clock`, as "UTC+2" or "UTC−5:30" (close enough for a
 * reader converting: the offset at that local time, read through the runtime's time zone data).
 */
export function zoneOffset(zone: string, day: Date, clock = '12:00'): string {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  // The instant that reads `clock` in UTC; the zone's offset then is within an hour of the one at the local time.
  const guess = new Date(day.getTime() + (h * 60 + m) * 60_000);
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(guess).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return part.replace(/^GMT(?:[+-]0)?$/, 'UTC').replace(/^GMT/, 'UTC').replace('-', '−');
}

export interface When {
  /** "Tuesday 13 June 2023", when the programme gives the day. */
  day?: string;
  /** "14:30–15:10" (or "14:30" without a duration), local time at the event. */
  time?: string;
  /** The zone named: "Europe/Madrid, UTC+2"; undefined when the event has no `timezone`. */
  zone?: string;
  /** ISO date-time for `<time datetime>`: "2023-06-13T14:30" (local, as the programme gives it). */
  datetime?: string;
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** When a talk was on, from its programme fields and its event's time zone; empty without a day or start. */
export function whenOf(talk: Scheduled, timezone?: string): When {
  const when: When = {};
  if (talk.day) when.day = `${weekday.format(talk.day)} ${formatDate(talk.day)}`;
  if (talk.start) {
    when.time = talk.duration ? `${talk.start}–${addMinutes(talk.start, talk.duration)}` : talk.start;
    if (timezone && talk.day) when.zone = `${timezone}, ${zoneOffset(timezone, talk.day, talk.start)}`;
    else if (timezone) when.zone = timezone;
  }
  if (talk.day) when.datetime = talk.day.toISOString().slice(0, 10) + (talk.start ? `T${talk.start}` : '');
  return when;
}

/** Hosts readers know by name; any other is named by its address. */
const HOST_NAMES: Record<string, string> = {
  'youtube.com': 'YouTube',
  'youtu.be': 'YouTube',
  'vimeo.com': 'Vimeo',
  'media.ccc.de': 'media.ccc.de',
  'speakerdeck.com': 'Speaker Deck',
  'slideshare.net': 'SlideShare',
  'docs.google.com': 'Google Docs',
  'github.com': 'GitHub',
};

/** The host a link leads to, as a reader knows it: "YouTube", else the host name without "www.". */
export function hostName(href: string): string {
  const host = new URL(href).hostname.replace(/^www\./, '').replace(/^m\./, '');
  return HOST_NAMES[host] ?? host;
}

export interface MediaLink {
  kind: 'recording' | 'slides';
  /** "Recording" / "Slides". */
  label: string;
  href: string;
  /** "YouTube", "slides.example.org". */
  host: string;
}

/** A talk's recording and slides, in that order, as plain links (no player: nothing loads from the host until clicked). */
export function mediaOf(talk: Pick<Scheduled, 'recording' | 'slides'>): MediaLink[] {
  const links: MediaLink[] = [];
  if (talk.recording) links.push({ kind: 'recording', label: 'Recording', href: talk.recording, host: hostName(talk.recording) });
  if (talk.slides) links.push({ kind: 'slides', label: 'Slides', href: talk.slides, host: hostName(talk.slides) });
  return links;
}

/** Whether a talk carries programme data (a day or start from the published programme). */
export const hasProgramme = (talk: Scheduled) => Boolean(talk.day || talk.start);

export interface ProgrammeDay<T> {
  /** The day, or undefined for talks the programme gives no day for. */
  day?: Date;
  rooms: { room?: string; talks: T[] }[];
}

const byText = (a?: string, b?: string) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b));

/**
 * Talks as a compact programme: by day (talks without one last), then room (by name, no room
 * last), then start time and title.
 */
export function programmeOf<T extends Scheduled>(talks: T[]): ProgrammeDay<T>[] {
  const days = new Map<number, Map<string | undefined, T[]>>();
  for (const talk of talks) {
    const key = talk.day?.getTime() ?? Infinity;
    const rooms = days.get(key) ?? new Map<string | undefined, T[]>();
    days.set(key, rooms);
    rooms.set(talk.room, [...(rooms.get(talk.room) ?? []), talk]);
  }
  return [...days]
    .sort((a, b) => a[0] - b[0])
    .map(([key, rooms]) => ({
      ...(Number.isFinite(key) ? { day: new Date(key) } : {}),
      rooms: [...rooms]
        .sort((a, b) => byText(a[0], b[0]))
        .map(([room, list]) => ({ ...(room === undefined ? {} : { room }), talks: list.sort((a, b) => byText(a.start, b.start) || a.title.localeCompare(b.title)) })),
    }));
}

/** Estimated bytes of passages on one page of a talk (the rest of the page is small and fixed). */
export const TALK_PAGE_BUDGET = 100_000;

/**
 * Splits items into pages of at most `budget` estimated bytes, in order, greedily; an item larger
 * than the budget gets a page of its own. At least one page, even when empty.
 */
export function pagesBySize<T>(items: T[], size: (item: T) => number, budget = TALK_PAGE_BUDGET): T[][] {
  const pages: T[][] = [[]];
  let used = 0;
  for (const item of items) {
    const s = size(item);
    if (pages.at(-1)!.length > 0 && used + s > budget) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(item);
    used += s;
  }
  return pages;
}

const languages = new Intl.DisplayNames('en', { type: 'language', fallback: 'code' });
/** "en" → "English"; a tag the runtime does not know is shown as written. */
export function languageName(tag: string): string {
  try {
    return languages.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * Which of an event's talks our reports cover, and how they stand against its programme: `listed`
 * talks carry programme data (imported or typed), `scheduled` of those are covered. Both are 0
 * when the event has no programme data, and the page then says nothing about a programme.
 */
export function programmeCoverage<T extends Scheduled>(talks: T[], isCovered: (talk: T) => boolean): { covered: T[]; listed: number; scheduled: number } {
  const covered = talks.filter(isCovered);
  return { covered, listed: talks.filter(hasProgramme).length, scheduled: covered.filter(hasProgramme).length };
}
