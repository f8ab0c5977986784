/**
 * A conference programme as every schedule format reads into it (Pretalx/frab JSON, Sessionize
 * JSON, iCalendar): the conference and its sessions, each in the words and fields of talks.yaml,
 * with the helpers the parsers share (abstracts from HTML, the kind of a session, clock times).
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Problem } from '../lib/problems.ts';
import { talkKinds } from '../schemas/registries.ts';

export type TalkKind = (typeof talkKinds)[number];

/** One session of the programme, its fields named as in talks.yaml. */
export interface Session {
  /** Where it is in the file, for messages, e.g. `days[0].rooms["Hall A"][2]`. */
  where: string;
  sessionId: string;
  title: string;
  subtitle?: string;
  /** Public names, in programme order. */
  speakers: string[];
  /** A talk kind, or 'break' for breaks, registration, lunch and the like (skipped). */
  kind: TalkKind | 'break';
  /** "YYYY-MM-DD", local to the programme's zone. */
  day?: string;
  /** "HH:MM", local. */
  start?: string;
  /** Minutes. */
  duration?: number;
  room?: string;
  track?: string;
  language?: string;
  abstract?: string;
  programme?: string;
  recording?: string;
  slides?: string;
}

export interface Programme {
  /** The format as the output names it, e.g. "Pretalx/frab JSON". */
  format: string;
  /** The conference's own title, when the format gives one. */
  title?: string;
  start?: string;
  end?: string;
  /** IANA zone of the sessions' local times, when the format gives one. */
  timezone?: string;
  url?: string;
  sessions: Session[];
  /** Sessions that could not be read (no title, a bad time): each said, none imported. */
  skipped: Problem[];
}

/** One line of text from a programme's HTML or plain text: tags dropped, entities decoded, white space collapsed. */
export function plainText(value: unknown, max = 5000): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = (/[<&]/.test(value) ? toText(fromHtml(value, { fragment: true })) : value)
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();
  if (!text) return undefined;
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('').replace(/\s+\S*$/, '')}…` : text;
}

/** Session types and titles that are not talks: breaks, meals, registration, social events. */
const notATalk = /\b(?:break|breaks|lunch|coffee|breakfast|dinner|registration|check-in|badge pick-?up|doors open|reception|happy hour|networking|social|party|snacks?|service session)\b/i;

/** The talk kind a programme's type label (and, failing that, the title) says, or 'break'. */
export function kindOf(label: string | undefined, title: string, speakers: number): TalkKind | 'break' {
  const said = `${label ?? ''}`;
  if (notATalk.test(said) || (speakers === 0 && notATalk.test(title))) return 'break';
  const of = (text: string): TalkKind | undefined =>
    /keynote/i.test(text) ? 'keynote'
    : /panel/i.test(text) ? 'panel'
    : /workshop|tutorial|hands-on|lab\b/i.test(text) ? 'workshop'
    : /lightning/i.test(text) ? 'lightning talk'
    : /fireside/i.test(text) ? 'fireside chat'
    : /\bsig\b|special interest/i.test(text) ? 'SIG session'
    : undefined;
  return of(said) ?? of(title) ?? 'talk';
}

/** Minutes from "HH:MM" or "H:MM:SS" (frab's durations), or undefined. */
export function minutesOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const match = typeof value === 'string' ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value) : null;
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : 0;
  return minutes > 0 ? minutes : undefined;
}

/** True when the runtime knows `zone` as an IANA time zone. */
export function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /\//.test(zone) || zone === 'UTC';
  } catch {
    return false;
  }
}

/** The local day "YYYY-MM-DD" and clock "HH:MM" of the instant `date` in `zone`. */
export function localIn(date: Date, zone: string): { day: string; start: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, start: `${parts.hour}:${parts.minute}` };
}

/** An http(s) URL, or undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A session without a title, said in our format; it is left out of the import. */
export const untitled = (file: string, where: string): Problem => ({
  file,
  field: `${where}.title`,
  message: 'expected a session title, found none; the session is not imported (give it a title in the programme and export it again)',
});

/** The first and last day of `sessions`, for a format that does not say the conference's dates. */
export function spanOf(sessions: Session[]): { start?: string; end?: string } {
  const days = sessions.map((s) => s.day).filter((d): d is string => !!d).sort();
  return { start: days[0], end: days.at(-1) };
}
