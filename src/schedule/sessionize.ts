/**
 * Sessionize's "All data" JSON (API → JSON → "All Data"): sessions, speakers, rooms and
 * categories, joined by id. Times are the event's local times without a zone; the export names
 * neither the conference nor its zone, so those come from events.yaml.
 */
import { httpUrl, kindOf, minutesOf, plainText, spanOf, untitled, type Programme, type Session } from './programme.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** True when `data` has the "All data" shape: sessions and speakers lists. */
export const isSessionize = (data: unknown) => isObject(data) && Array.isArray(data.sessions) && Array.isArray(data.speakers);

/** Language names as Sessionize's category items give them, to BCP 47 tags. */
const languages: Record<string, string> = { english: 'en', german: 'de', deutsch: 'de', french: 'fr', français: 'fr', spanish: 'es', español: 'es', italian: 'it', dutch: 'nl', portuguese: 'pt', polish: 'pl', japanese: 'ja' };

export function readSessionize(data: Json, file: string): Programme {
  const speakers = new Map(list(data.speakers).map((s) => [String(s.id), plainText(s.fullName ?? `${s.firstName ?? ''} ${s.lastName ?? ''}`, 200)]));
  const rooms = new Map(list(data.rooms).map((r) => [String(r.id), plainText(r.name, 200)]));
  /** Category item id → [category title, item name]. */
  const items = new Map(list(data.categories).flatMap((c) => list(c.items).map((i) => [String(i.id), [String(c.title ?? ''), String(i.name ?? '')]] as const)));
  const sessions: Session[] = [];
  const skipped = [];
  for (const [i, s] of list(data.sessions).entries()) {
    const where = `sessions[${i}]`;
    const title = plainText(s.title, 300);
    if (!title) {
      skipped.push(untitled(file, where));
      continue;
    }
    const names = (Array.isArray(s.speakers) ? s.speakers : []).map((id) => speakers.get(String(isObject(id) ? id.id : id))).filter((n): n is string => !!n);
    const categories = (Array.isArray(s.categoryItems) ? s.categoryItems : []).map((id) => items.get(String(id))).filter((c) => !!c);
    const category = (pattern: RegExp) => categories.find(([t]) => pattern.test(t))?.[1];
    const startsAt = typeof s.startsAt === 'string' ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(s.startsAt) : null;
    const endsAt = typeof s.endsAt === 'string' ? Date.parse(`${s.endsAt.slice(0, 19)}Z`) : NaN;
    const span = startsAt ? (endsAt - Date.parse(`${s.startsAt as string}`.slice(0, 19) + 'Z')) / 60000 : NaN;
    const language = category(/language/i)?.toLowerCase();
    sessions.push({
      where,
      sessionId: String(s.id ?? where),
      title,
      speakers: names,
      kind: s.isServiceSession === true ? 'break' : kindOf(category(/format|type/i), title, names.length),
      day: startsAt?.[1],
      start: startsAt?.[2],
      duration: minutesOf(Number.isFinite(span) ? Math.round(span) : undefined),
      room: rooms.get(String(s.roomId)) ?? plainText(s.room, 200),
      track: plainText(category(/track|topic/i), 200),
      language: language ? (languages[language] ?? (/^[a-z]{2}$/.test(language) ? language : undefined)) : undefined,
      abstract: plainText(s.description),
      recording: httpUrl(s.recordingUrl),
    });
  }
  return { format: 'Sessionize JSON', ...spanOf(sessions), sessions, skipped };
}
