import type { EventData, PersonData, TalkData, TopicData, ToolData } from '../schemas/registries.ts';
import type { ReportData } from '../schemas/report.ts';
import type { ReportFacet } from '../site/kinds.ts';
import { eventTime } from './format.ts';
import { sectionAndChildren, type ReportRecord, type Section } from '../schemas/record.ts';

export type Event = EventData & { id: string };
export type Topic = TopicData & { id: string };
export type Tool = ToolData & { id: string };
export type Person = PersonData & { id: string };
export type TalkInfo = TalkData & { id: string };
/** A talk with its event and speakers resolved. */
export interface Talk extends Omit<TalkInfo, 'event' | 'speakers'> {
  event: Event;
  speakers: Person[];
}
/** A report's frontmatter with the pipeline's record of its body. */
export type ReportInfo = ReportData & { id: string; record: ReportRecord };

/** A report with its references resolved. */
export interface Report extends Omit<ReportInfo, 'event' | 'alsoCovers' | 'tools' | 'topics' | 'author' | 'talks'> {
  sections: Section[];
  author: Person;
  talks: { talk: Talk; sections: Section[] }[];
  event: Event;
  alsoCovers: Event[];
  tools: Tool[];
  topics: { topic: Topic; sections: Section[] }[];
}

/** A passage of one report filed under a topic. */
export interface Passage {
  report: Report;
  section: Section;
}

/**
 * Where a tool is mentioned: the report, the section (if any) and the sentence; the record's
 * `ToolMention` (src/schemas/record.ts) with its report and section resolved.
 */
export interface MentionInReport {
  report: Report;
  section?: Section;
  sentence: string;
}

export interface Catalog {
  /** Reports by event date (then title). */
  reports: Report[];
  /** Events by start date. */
  events: Event[];
  topics: Topic[];
  tools: Tool[];
  /** Talks by event date, then title. */
  talks: Talk[];
  /** People by name. */
  people: Person[];
  reportsByEvent: Map<string, Report[]>;
  passagesByTopic: Map<string, Passage[]>;
  /** Passages tied to each talk, newest report first. */
  passagesByTalk: Map<string, Passage[]>;
  /** Talks given at each event (id), in catalog order. */
  talksByEvent: Map<string, Talk[]>;
  /** Talks each person (id) gave, in catalog order. */
  talksBySpeaker: Map<string, Talk[]>;
  /** Reports each person (id) wrote, in catalog order. */
  reportsByAuthor: Map<string, Report[]>;
  mentionsByTool: Map<string, MentionInReport[]>;
}

const byDateThenTitle = (a: Report, b: Report) =>
  eventTime(a.event) - eventTime(b.event) || a.title.localeCompare(b.title);

/** When a report was written, as far as we know: its publication date, else its event's start. */
const writtenAt = (r: { published?: Date | undefined; event: Event }) => r.published?.getTime() ?? eventTime(r.event);
/** Newest report first (publication date, else event date), then by title. */
const newestFirst = (a: Report, b: Report) => writtenAt(b) - writtenAt(a) || a.title.localeCompare(b.title);

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Resolves references and derives every index the pages need, once.
 * Expects input that passed `checkReports` (src/lib/validate.ts): it throws on unknown ids rather than reporting them.
 * Does not read files or the clock.
 */
export function buildCatalog(input: {
  reports: ReportInfo[];
  events: Event[];
  topics: Topic[];
  tools: Tool[];
  people: Person[];
  talks: TalkInfo[];
}): Catalog {
  const get = <T extends { id: string }>(items: T[], kind: string) => {
    const map = new Map(items.map((i) => [i.id, i]));
    return (id: string) => {
      const found = map.get(id);
      if (!found) throw new Error(`unknown ${kind} "${id}" (checkReports should have caught this)`);
      return found;
    };
  };
  const event = get(input.events, 'event');
  const topic = get(input.topics, 'topic');
  const tool = get(input.tools, 'tool');
  const person = get(input.people, 'person');
  const talks: Talk[] = input.talks
    .map((t) => ({ ...t, event: event(t.event), speakers: t.speakers.map(person) }))
    .sort((a, b) => eventTime(a.event) - eventTime(b.event) || a.title.localeCompare(b.title));
  const talk = get(talks, 'talk');

  const reports: Report[] = input.reports
    .map((r) => {
      const sections = new Map(r.record.sections.map((s) => [s.id, s]));
      return {
        ...r,
        sections: r.record.sections,
        author: person(r.author.id),
        talks: r.talks.map((t) => ({
          talk: talk(t.talk.id),
          sections: t.sections.map((id) => sections.get(id)).filter((s): s is Section => Boolean(s)),
        })),
        event: event(r.event.id),
        alsoCovers: r.alsoCovers.map((e) => event(e.id)),
        tools: r.tools.map((t) => tool(t.id)).sort((a, b) => a.name.localeCompare(b.name)),
        topics: r.topics.map((t) => ({
          topic: topic(t.topic.id),
          sections: t.sections.map((id) => sections.get(id)).filter((s): s is Section => Boolean(s)),
        })),
      };
    })
    .sort(byDateThenTitle);

  const reportsByEvent = new Map<string, Report[]>();
  const passagesByTopic = new Map<string, Passage[]>();
  const mentionsByTool = new Map<string, MentionInReport[]>();
  const passagesByTalk = new Map<string, Passage[]>();
  const talksByEvent = new Map<string, Talk[]>();
  const talksBySpeaker = new Map<string, Talk[]>();
  const reportsByAuthor = new Map<string, Report[]>();
  for (const t of talks) {
    pushTo(talksByEvent, t.event.id, t);
    for (const p of t.speakers) pushTo(talksBySpeaker, p.id, t);
  }

  for (const report of [...reports].sort(newestFirst)) {
    for (const { talk: t, sections } of report.talks) {
      for (const section of sections) pushTo(passagesByTalk, t.id, { report, section });
    }
  }

  for (const report of reports) {
    pushTo(reportsByAuthor, report.author.id, report);
    for (const e of [report.event, ...report.alsoCovers]) pushTo(reportsByEvent, e.id, report);
    for (const { topic: t, sections } of report.topics) {
      for (const section of sections) pushTo(passagesByTopic, t.id, { report, section });
    }
    // The record holds one mention per tool per section, in order: the first is the report's.
    const sections = new Map(report.sections.map((s) => [s.id, s]));
    const first = new Map<string, MentionInReport>();
    for (const m of report.record.mentions) {
      if (!first.has(m.tool)) first.set(m.tool, { report, section: m.section ? sections.get(m.section) : undefined, sentence: m.sentence });
    }
    for (const t of report.tools) pushTo(mentionsByTool, t.id, first.get(t.id) ?? { report, sentence: '' });
  }

  return {
    reports,
    events: [...input.events].sort((a, b) => eventTime(a) - eventTime(b)),
    topics: [...input.topics].sort((a, b) => a.title.localeCompare(b.title)),
    tools: [...input.tools].sort((a, b) => a.name.localeCompare(b.name)),
    talks,
    people: [...input.people].sort((a, b) => a.name.localeCompare(b.name)),
    reportsByEvent,
    passagesByTopic,
    mentionsByTool,
    passagesByTalk,
    talksByEvent,
    talksBySpeaker,
    reportsByAuthor,
  };
}

/** The reports before and after `report` among those of its own event, in catalog order. */
export function neighbours(report: Report, ofEvent: Report[]): { prev?: Report; next?: Report } {
  const i = ofEvent.findIndex((r) => r.id === report.id);
  return { prev: ofEvent[i - 1], next: ofEvent[i + 1] };
}

/** Counts items across lists (each list counts an item once), most frequent first, then by name. */
export function tally<T extends { id: string }>(lists: T[][], name: (item: T) => string): { item: T; count: number }[] {
  const counts = new Map<string, { item: T; count: number }>();
  for (const list of lists) {
    for (const item of new Map(list.map((i) => [i.id, i])).values()) {
      const entry = counts.get(item.id) ?? { item, count: 0 };
      entry.count += 1;
      counts.set(item.id, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || name(a.item).localeCompare(name(b.item)));
}

/** How widely a topic is covered: distinct reports and distinct events with a passage on it. */
export function topicCoverage(passages: Passage[]): { reports: number; events: number } {
  return {
    reports: new Set(passages.map((p) => p.report.id)).size,
    events: new Set(passages.map((p) => p.report.event.id)).size,
  };
}

/** Groups items by a key in first-seen order, e.g. passages by event, tools by category. */
export function groupBy<T, K>(items: T[], key: (item: T) => K): { key: K; items: T[] }[] {
  const groups = new Map<K, T[]>();
  for (const item of items) pushTo(groups, key(item), item);
  return [...groups].map(([k, list]) => ({ key: k, items: list }));
}

/**
 * Topics to suggest beside `topic`: its registry `related` list first, then topics filed on the
 * same sections as its passages (most shared first). At most `limit`; never `topic` itself.
 */
export function relatedTopics(topic: Topic, passages: Passage[], topics: Topic[], limit = 8): Topic[] {
  const filedTogether = tally(
    passages.map((p) => p.report.topics.filter((t) => t.sections.some((s) => s.id === p.section.id)).map((t) => t.topic)),
    (t) => t.title,
  ).map(({ item }) => item);
  const listed = topics.filter((t) => topic.related.includes(t.id));
  const ids = new Set([topic.id, ...listed.map((t) => t.id)]);
  return [...listed, ...filedTogether.filter((t) => !ids.has(t.id))].slice(0, limit);
}

/** Tools mentioned in the passages (a section and its subsections), with how many passages mention each. */
export function toolsInPassages(passages: Passage[], tools: Tool[]): { item: Tool; count: number }[] {
  const byId = new Map(tools.map((t) => [t.id, t]));
  return tally(
    passages.map((p) => {
      const within = sectionAndChildren(p.report.record, p.section.id);
      return p.report.record.mentions.filter((m) => m.section && within.has(m.section)).map((m) => byId.get(m.tool)!);
    }),
    (t) => t.name,
  );
}

/** The search facets a report is filed under (src/site/kinds.ts, `FACETS`), each as a stable id with its display name. */
export function reportFacets(report: Report): { facet: ReportFacet; id: string; name: string }[] {
  return [
    ...[report.event, ...report.alsoCovers].map((e) => ({ facet: 'event' as const, id: e.id, name: e.shortName })),
    { facet: 'year', id: String(report.year), name: String(report.year) },
    ...(report.city ? [{ facet: 'city' as const, id: report.city.toLowerCase(), name: report.city }] : []),
    { facet: 'author', id: report.author.id, name: report.author.name },
    ...report.topics.map(({ topic }) => ({ facet: 'topic' as const, id: topic.id, name: topic.title })),
    ...report.tools.map((t) => ({ facet: 'tool' as const, id: t.id, name: t.name })),
    ...report.talks.map(({ talk }) => ({ facet: 'talk' as const, id: talk.id, name: talk.title })),
    ...[...new Map(report.talks.flatMap(({ talk }) => talk.speakers).map((p) => [p.id, p])).values()].map((p) => ({ facet: 'speaker' as const, id: p.id, name: p.name })),
  ];
}

/** How many distinct reports the passages come from. */
export const reportCount = (passages: Passage[]) => new Set(passages.map((p) => p.report.id)).size;

/** Passages grouped by report, keeping the order of the passages (newest report first for a talk). */
export const passagesByReport = (passages: Passage[]) => groupBy(passages, (p) => p.report).map(({ key, items }) => ({ report: key, sections: items.map((p) => p.section) }));

/** Talks grouped under their events, events in date order (the order of `talks`). */
export const talksByEventGroup = (talks: Talk[]) => groupBy(talks, (t) => t.event).map(({ key, items }) => ({ event: key, talks: items }));

/**
 * What a person did across the catalog: the talks they gave, the reports they wrote, and the
 * events they were at as a speaker or an author (by date, each with how).
 */
export function personRecord(person: Person, catalog: Pick<Catalog, 'events' | 'talksBySpeaker' | 'reportsByAuthor'>): {
  talks: Talk[];
  reports: Report[];
  events: { event: Event; as: ('speaker' | 'author')[] }[];
} {
  const talks = catalog.talksBySpeaker.get(person.id) ?? [];
  const reports = catalog.reportsByAuthor.get(person.id) ?? [];
  const spoke = new Set(talks.map((t) => t.event.id));
  const wrote = new Set(reports.flatMap((r) => [r.event.id, ...r.alsoCovers.map((e) => e.id)]));
  const events = catalog.events
    .filter((e) => spoke.has(e.id) || wrote.has(e.id))
    .map((event) => ({ event, as: [...(spoke.has(event.id) ? ['speaker' as const] : []), ...(wrote.has(event.id) ? ['author' as const] : [])] }));
  return { talks, reports, events };
}

/** "Ada Lovelace", "Ada Lovelace and Alan Turing", "A, B and C"; `empty` when there is nobody. */
export function names(people: { name: string }[], empty = 'Speaker unknown'): string {
  const list = people.map((p) => p.name);
  if (list.length === 0) return empty;
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}
