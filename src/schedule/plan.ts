/**
 * What importing a programme changes, worked out before anything is written: which session is
 * which existing talk (by programme id, normalized title with compatible speakers, or an
 * unconfirmed title sharing a speaker), which speaker is which person (by name, or a first-name
 * entry of the matched talk), what each match fills in or confirms, what is new, and what is only
 * proposed. Hand-written values win: a confirmed field is never replaced. Entries are read as the
 * YAML says them (dates as quoted strings), so the plan is also what the read-back expects.
 */
import { idFromTitle } from '../authoring/draft.ts';
import { nameMatch, normalizeText, untitledSubject } from '../lib/talk-match.ts';
import type { Problem } from '../lib/problems.ts';
import type { Programme, Session } from './programme.ts';

export type Entry = Record<string, unknown>;
/** A registry as its YAML reads: id → entry. */
export type Entries = Record<string, Entry>;

/** What happens to one registry: fields set and confirmed in existing entries, and new entries (in order). */
export interface RegistryPlan {
  changed: Map<string, { set: Entry; confirm: string[] }>;
  added: Map<string, Entry>;
}

export interface Plan {
  event: string;
  events: RegistryPlan;
  talks: RegistryPlan;
  people: RegistryPlan;
  /** One line per change, for people: "talks.yaml: warm-pools: added day, start, room; confirmed title". */
  notes: string[];
  /** Near matches, not merged: each says what to do. */
  proposals: string[];
  counts: { sessions: number; breaks: number; duplicates: number; matched: number; unchanged: number };
}

/** Talk fields a programme can give, in the order a new entry lists them (talks.yaml's schema order). */
const talkFields = ['title', 'subtitle', 'event', 'speakers', 'kind', 'day', 'start', 'duration', 'room', 'track', 'language', 'abstract', 'programme', 'sessionId', 'recording', 'slides'] as const;

const emptyPlan = (): RegistryPlan => ({ changed: new Map(), added: new Map() });
const words = (text: string) => new Set(normalizeText(text).split(' ').filter((w) => w.length >= 3));
const listOf = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Ids from names that ASCII folding alone would lose: "Łukasz Øster" → "lukasz-oster". */
const fold: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', ı: 'i' };
const idOf = (text: string) => idFromTitle(text.replace(/[łŁøØđĐßæÆœŒþı]/g, (c) => fold[c]!));

/** A free id: `wanted`, else `wanted-<qualifier>`, else numbered. */
function freeId(wanted: string, taken: (id: string) => boolean, qualifier: string): string {
  if (!taken(wanted)) return wanted;
  if (!taken(`${wanted}-${qualifier}`)) return `${wanted}-${qualifier}`;
  let n = 2;
  while (taken(`${wanted}-${n}`)) n++;
  return `${wanted}-${n}`;
}

/**
 * Changes `entry` toward `values`: a missing field is set, an unconfirmed one set (when different)
 * and confirmed, a confirmed one kept. Returns what to set and confirm, and a note of it.
 */
function complete(entry: Entry, values: Entry, confirmable: readonly string[]): { set: Entry; confirm: string[]; note: string } {
  const set: Entry = {};
  const confirm: string[] = [];
  const unconfirmed = listOf(entry.unconfirmed);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || (Array.isArray(value) && !value.length)) continue;
    const have = entry[key];
    const missing = have === undefined || (Array.isArray(have) && !have.length);
    if (unconfirmed.includes(key) && confirmable.includes(key)) {
      if (!same(have, value)) set[key] = value;
      confirm.push(key);
    } else if (missing) set[key] = value;
  }
  // An unconfirmed field with no value (an event ingest added without its dates) is added, not "confirmed".
  const added = Object.keys(set).filter((k) => !confirm.includes(k) || entry[k] === undefined);
  const confirmed = confirm.filter((k) => !added.includes(k));
  const parts = [added.length ? `added ${added.join(', ')}` : '', confirmed.length ? `confirmed ${confirmed.join(', ')}` : ''].filter(Boolean);
  return { set, confirm, note: parts.join('; ') };
}

/** Records a change to an existing entry when it has one. */
function change(plan: RegistryPlan, notes: string[], file: string, id: string, result: ReturnType<typeof complete>) {
  if (!Object.keys(result.set).length && !result.confirm.length) return false;
  const before = plan.changed.get(id);
  plan.changed.set(id, before ? { set: { ...before.set, ...result.set }, confirm: [...new Set([...before.confirm, ...result.confirm])] } : result);
  notes.push(`${file}: ${id}: ${result.note}`);
  return true;
}

/** The problem of a programme given for another event than `event`, or undefined when it fits. */
export function otherEvent(programme: Programme, eventId: string, event: Entry, file: string): Problem | undefined {
  const [start, end] = [String(event.start ?? 'dates not confirmed'), String(event.end ?? '')];
  // An event added without its dates (ingest) has none to compare: only its name can tell.
  const disjoint = event.start !== undefined && event.end !== undefined && programme.start && programme.end && (programme.end < start || programme.start > end);
  const named = [event.name, event.shortName].map((n) => normalizeText(String(n)));
  const title = programme.title ? normalizeText(programme.title) : undefined;
  const year = String(event.year);
  const otherTitle = title !== undefined && !named.includes(title) && !(title.includes(year) || ![...words(programme.title!)].some((w) => named.some((n) => n.includes(w))));
  if (!disjoint && !otherTitle) return undefined;
  const found = `${programme.title ? `"${programme.title}"` : 'a programme'}${programme.start ? ` (${programme.start} to ${programme.end})` : ''}`;
  return { file, field: '--event', message: `expected a programme of ${eventId} (${String(event.name)}, ${end ? `${start} to ${end}` : start}), found ${found}; check --event, or import it for its own event` };
}

/**
 * The event a programme is for: `wanted` (checked to fit), else the one event whose name or dates
 * are the programme's. A problem, with what to do, when none or several are.
 */
export function eventFor(programme: Programme, events: Entries, file: string, wanted?: string): { id?: string; problem?: Problem } {
  if (wanted) {
    const event = events[wanted];
    if (!event) return { problem: { file, field: '--event', message: `expected an id from events.yaml, found "${wanted}"; \`npm run new-event\` adds a new event` } };
    const problem = otherEvent(programme, wanted, event, file);
    return problem ? { problem } : { id: wanted };
  }
  const title = programme.title ? normalizeText(programme.title) : undefined;
  const candidates = Object.entries(events).filter(
    ([, e]) => (title && [e.name, e.shortName].some((n) => normalizeText(String(n)) === title)) || (programme.start && e.start === programme.start && e.end === programme.end),
  );
  if (candidates.length === 1) return { id: candidates[0]![0] };
  if (candidates.length > 1) return { problem: { file, field: '--event', message: `expected one event for this programme, found ${candidates.length} (${candidates.map(([id]) => id).join(', ')}); name it with --event <id>` } };
  const name = programme.title ?? '<the conference name>';
  const proposal = `npm run new-event -- --name ${JSON.stringify(name)}${programme.start ? ` --start ${programme.start} --end ${programme.end}` : ''}`;
  return {
    problem: {
      file,
      field: '--event',
      message: `expected an event in events.yaml for ${programme.title ? `"${programme.title}"` : 'this programme'}${programme.start ? ` (${programme.start} to ${programme.end})` : ''}, found none; add it first (${proposal}, with its series, city and country), then import again with --event <id>`,
    },
  };
}

/** The talk values a session gives, for talks.yaml. */
const valuesOf = (session: Session, event: string, speakers: string[]): Entry => ({
  title: session.title,
  subtitle: session.subtitle,
  event,
  speakers,
  kind: session.kind,
  day: session.day,
  start: session.start,
  duration: session.duration,
  room: session.room,
  track: session.track,
  language: session.language,
  abstract: session.abstract,
  programme: session.programme,
  sessionId: session.sessionId,
  recording: session.recording,
  slides: session.slides,
});

/** Works out the import of `programme` into the registries for `event`. */
export function planImport(programme: Programme, registries: { events: Entries; talks: Entries; people: Entries }, event: string): Plan {
  const plan: Plan = { event, events: emptyPlan(), talks: emptyPlan(), people: emptyPlan(), notes: [], proposals: [], counts: { sessions: 0, breaks: 0, duplicates: 0, matched: 0, unchanged: 0 } };
  const { people, talks } = registries;
  const eventEntry = registries.events[event]!;

  // The event: its time zone and programme address when missing, its dates when unconfirmed.
  change(plan.events, plan.notes, 'events.yaml', event, complete(eventEntry, { start: programme.start, end: programme.end, timezone: programme.timezone, url: programme.url }, ['start', 'end', 'timezone', 'url']));

  const eventTalks = Object.entries(talks).filter(([, t]) => t.event === event);
  const bySession = new Map(eventTalks.filter(([, t]) => t.sessionId !== undefined).map(([id, t]) => [String(t.sessionId), id]));
  const matched = new Set<string>();
  const nameOf = (id: string) => String((plan.people.added.get(id) ?? people[id])?.name ?? id);
  /** Normalized full name → person id: every person with one name, and those this import adds. */
  const byName = new Map<string, string>();
  for (const [id, p] of Object.entries(people)) if (!byName.has(normalizeText(String(p.name)))) byName.set(normalizeText(String(p.name)), id);
  const speakersCompatible = (talk: Entry, names: string[]) =>
    !names.length ||
    !listOf(talk.speakers).length || listOf(talk.unconfirmed).includes('speakers') || listOf(talk.speakers).some((id) => names.some((n) => nameMatch(nameOf(id), n)));
  const sharesSpeaker = (talk: Entry, names: string[]) => listOf(talk.speakers).some((id) => names.some((n) => nameMatch(nameOf(id), n)));

  /** The existing talk a session is, or undefined; near matches go to `proposals`. */
  const match = (s: Session): string | undefined => {
    const known = bySession.get(s.sessionId);
    if (known && !matched.has(known)) return known;
    const title = normalizeText(s.title);
    // A talk carrying another session id still matches by title: the id may come from another
    // export of the same programme (Sched's UID for a Pretalx code), and a duplicate is worse.
    const open = eventTalks.filter(([id]) => !matched.has(id));
    const sameTitle = open.filter(([, t]) => normalizeText(String(t.title)) === title);
    const fits = sameTitle.find(([, t]) => speakersCompatible(t, s.speakers));
    if (fits) return fits[0];
    // An unconfirmed title ("as the author noted it") sharing a speaker and most words.
    const noted = open.find(([, t]) => {
      if (!listOf(t.unconfirmed).includes('title') || !sharesSpeaker(t, s.speakers)) return false;
      const [a, b] = [words(String(t.title)), words(s.title)];
      const common = [...a].filter((w) => b.has(w)).length;
      return common * 2 >= Math.min(a.size, b.size) && common > 0;
    });
    if (noted) return noted[0];
    for (const [id, t] of [...sameTitle, ...open.filter(([, t]) => untitledSubject(String(t.title)) !== undefined)]) {
      const subject = untitledSubject(String(t.title));
      const wanted = subject === undefined ? undefined : [...words(subject)];
      const text = words(`${s.title} ${s.subtitle ?? ''} ${s.abstract ?? ''}`);
      if (subject === undefined || (wanted!.length && wanted!.filter((w) => text.has(w)).length * 3 >= wanted!.length * 2)) {
        const fix = subject === undefined ? `its speakers differ: if it is, mark its speakers unconfirmed` : `if it is, give it the title "${s.title}"`;
        plan.proposals.push(`talks.yaml: ${id} ("${String(t.title)}") may be the programme's "${s.title}"${s.speakers.length ? ` by ${s.speakers.join(', ')}` : ''} (${s.sessionId}), not merged; ${fix} and import again (the session is left out until then)`);
        return '';
      }
    }
    return undefined;
  };

  /** The person id for a speaker's public name, adding or completing people as needed. */
  const person = (name: string, talk: Entry | undefined): string => {
    for (const id of listOf(talk?.speakers)) {
      const how = nameMatch(nameOf(id), name);
      if (how === 'same') return id;
      if (how === 'first' && people[id]) {
        change(plan.people, plan.notes, 'people.yaml', id, { set: { name }, confirm: listOf(people[id].unconfirmed).includes('name') ? ['name'] : [], note: `name "${nameOf(id)}" → "${name}" (the programme's full name)` });
        byName.set(normalizeText(name), id);
        return id;
      }
    }
    const known = byName.get(normalizeText(name));
    if (known) return known;
    const id = freeId(idOf(name) || 'speaker', (i) => i in people || plan.people.added.has(i), event);
    plan.people.added.set(id, { name });
    byName.set(normalizeText(name), id);
    return id;
  };

  const seen = new Map<string, Session>();
  const taken = (id: string) => id in talks || plan.talks.added.has(id);
  for (const s of programme.sessions) {
    if (s.kind === 'break') {
      plan.counts.breaks++;
      continue;
    }
    const key = `${normalizeText(s.title)}|${s.speakers.map(normalizeText).join(',')}`;
    if (seen.has(s.sessionId) || seen.has(key)) {
      plan.counts.duplicates++;
      continue;
    }
    seen.set(s.sessionId, s).set(key, s);
    plan.counts.sessions++;
    const id = match(s);
    if (id === '') continue;
    if (id) {
      matched.add(id);
      plan.counts.matched++;
      const talk = talks[id]!;
      const speakers = s.speakers.map((n) => person(n, talk));
      const values = valuesOf(s, event, speakers);
      delete values.event;
      if (!change(plan.talks, plan.notes, 'talks.yaml', id, complete(talk, values, ['title', 'speakers', 'kind', 'recording', 'slides', 'day', 'start', 'duration', 'room', 'track']))) plan.counts.unchanged++;
      continue;
    }
    const speakers = s.speakers.map((n) => person(n, undefined));
    const values = valuesOf(s, event, speakers);
    const entry = Object.fromEntries(talkFields.map((k) => [k, values[k]]).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length)));
    plan.talks.added.set(freeId(idOf(s.title) || 'session', taken, event), entry);
  }
  for (const [id, p] of plan.people.added) plan.notes.push(`people.yaml: ${id}: new, ${JSON.stringify(p.name)}`);
  for (const [id, t] of plan.talks.added) plan.notes.push(`talks.yaml: ${id}: new ${String(t.kind)}, ${JSON.stringify(t.title)}`);
  return plan;
}

/** Entry `id` as it must read back once `registry`'s plan is applied to `entries`. */
export function expectedEntry(entries: Entries, registry: RegistryPlan, id: string): Entry {
  const added = registry.added.get(id);
  if (added) return added;
  const { set, confirm } = registry.changed.get(id)!;
  const entry: Entry = { ...entries[id], ...set };
  const left = listOf(entry.unconfirmed).filter((f) => !confirm.includes(f));
  if (left.length) entry.unconfirmed = left;
  else delete entry.unconfirmed;
  return entry;
}
