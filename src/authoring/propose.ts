/**
 * What `npm run ingest` proposes from a capture's text for the registries: topics per section (by
 * each topic's terms and tools), an event the site does not know yet, the talks the text names with
 * their speakers, and tool-like names. Pure: text and registries in, proposals out; the command shows
 * them, asks (or takes `--yes`) and writes them. Nothing is invented: a fact the text does not give
 * is left out (or asked for), and what is inferred is marked unconfirmed.
 */
import type { Nodes, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { topicFinder } from '../lib/brief.ts';
import type { Matchable } from '../lib/mentions.ts';
import { normalizeText, sameTitle } from '../lib/talk-match.ts';
import { idFromTitle, type NewEvent } from './draft.ts';

/** The `##` sections of a Markdown body: heading text and the text up to the next `##` (code blocks left out). */
export function sectionsOf(body: string): { heading: string; text: string }[] {
  const withoutCode = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  return withoutCode
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const [heading, ...rest] = chunk.split('\n');
      return { heading: heading!.trim(), text: `${heading}\n${rest.join('\n')}` };
    });
}

const stop = new Set(['and', 'the', 'for', 'with', 'from', 'into', 'about', 'their', 'other', 'what', 'when', 'more', 'this', 'that', 'your']);
const titleWords = (title: string) => title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !stop.has(w.toLowerCase()));

export interface TopicLike {
  id: string;
  title: string;
  summary: string;
  terms?: string[];
}

/**
 * Topics per `##` section: a section is proposed for a topic when the topic's terms (else its title's
 * words), or the tools its
 * title, summary or terms name, occur at least `min` times in that section alone (never counted across
 * sections). The same finder marks key excerpts on topic pages, so a proposal is what the page will show.
 */
export function proposeTopics(body: string, topics: TopicLike[], tools: Matchable[], min = 2): { topic: string; sections: string[]; because: string[] }[] {
  const sections = sectionsOf(body);
  const proposals: { topic: string; sections: string[]; because: string[] }[] = [];
  for (const topic of topics) {
    // A topic without terms is carried by the long words of its title ("Queues and queueing" → queues, queueing).
    const find = topicFinder({ ...topic, terms: topic.terms ?? titleWords(topic.title) }, tools);
    const hits: string[] = [];
    const because = new Set<string>();
    for (const section of sections) {
      const found = find(section.text);
      if (found.length >= min) {
        hits.push(section.heading);
        for (const m of found) because.add(section.text.slice(m.index, m.index + m.length));
      }
    }
    if (hits.length) proposals.push({ topic: topic.id, sections: hits, because: [...because].slice(0, 5) });
  }
  return proposals;
}

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const month = `(${months.map((m) => `${m[0]!.toUpperCase()}${m.slice(1, 3)}(?:${m.slice(3)})?`).join('|')})\\.?`;
const day = '(\\d{1,2})(?:st|nd|rd|th)?';
const to = '\\s*(?:-|–|—|to|until|through|and)\\s*';
const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (name: string) => months.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/** The first date range the text gives ("19 to 22 March", "March 19-22, 2024", "19–22 Mar 2024"), as ISO days. */
export function findDates(text: string, year: number): { start: string; end: string; as: string } | undefined {
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
    [new RegExp(`\\b${day}${to}${day}\\s+(?:of\\s+)?${month}`, 'i'), (m) => [Number(m[1]), Number(m[2]), monthIndex(m[3]!)]],
    [new RegExp(`\\b${month}\\s+${day}${to}${day}\\b`, 'i'), (m) => [Number(m[2]), Number(m[3]), monthIndex(m[1]!)]],
  ];
  for (const [pattern, parts] of patterns) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [from, until, mon] = parts(m);
    if (mon < 1 || from < 1 || until < from || until > 31) continue;
    const iso = (d: number) => `${year}-${pad(mon)}-${pad(d)}`;
    const real = (d: number) => new Date(`${iso(d)}T00:00:00Z`).getUTCDate() === d;
    if (real(from) && real(until)) return { start: iso(from), end: iso(until), as: m[0] };
  }
  return undefined;
}

export interface EventProposal {
  /** The event as far as the text gives it; fields it does not give are missing (`missing` names them). */
  event: Partial<NewEvent> & { id?: string };
  /** The year next to the series' name (the event's id ends with it); undefined when the text gives none. */
  year?: number;
  /** Where each value came from, e.g. `series: "KubeCon … Europe" in the text`. */
  because: string[];
  /** Fields the schema needs that the text does not give: asked for, or given as flags. */
  missing: (keyof NewEvent)[];
  /** Fields inferred rather than read (written into `unconfirmed`). */
  unconfirmed: string[];
  /** A series taxonomy.yaml lacks, named in the text (added with the event on confirmation). */
  newSeries?: { id: string; name: string };
}

/** Words that start a capitalised run but never a series' name ("Posted March 2024", "In 2024"). */
const notSeries = new Set(['Posted', 'Updated', 'Published', 'Notes', 'Recap', 'Day', 'Days', 'Back', 'Since', 'Until', 'Spring', 'Summer', 'Autumn', 'Fall', 'Winter', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);

/**
 * A series the text names that taxonomy.yaml does not have: the first run of capitalised words
 * followed by a year ("Lantern Summit 2025" → lantern-summit, "Lantern Summit"), leading words
 * that never name one (months, "Posted", "The"…) and known cities (`places`) dropped. Undefined when
 * none, or when its id is taken.
 */
export function findSeries(text: string, series: Record<string, string>, places: Set<string> = new Set()): { id: string; name: string; as: string } | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const word = "\\p{Lu}[\\p{L}\\p{N}'’&.+-]*";
  for (const m of flat.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])((?:${word} ){1,5})((?:19|20)\\d{2})\\b`, 'gu'))) {
    const words = m[1]!.trim().split(' ');
    while (words.length && (notSeries.has(words[0]!) || stopNames.has(words[0]!) || places.has(words[0]!))) words.shift();
    // "Lantern Summit Paris 2025": the city is where, not what.
    while (words.length && places.has(words.at(-1)!)) words.pop();
    const name = words.join(' ').replace(/[.,:;'’&+-]+$/, '');
    const id = idFromTitle(name);
    if (!name || !/\p{L}{2}/u.test(name) || !id || !/^[a-z]/.test(id) || stopNames.has(name)) continue;
    if (id in series) return undefined;
    return { id, name, as: `${name} ${m[2]}` };
  }
  return undefined;
}

interface KnownEvent {
  series: string;
  shortName: string;
  city?: string | undefined;
  country?: string | undefined;
  year: number;
}

/**
 * An event for a capture whose event is not in events.yaml: the series whose name the text gives
 * (its display name, or the words of a known event's short name, e.g. "KubeCon EU"), the year next
 * to it, a city a known event of any series was held in, and a date range. When no known series is
 * named, a new one the text names with a year (`findSeries`) is proposed; undefined when there is none.
 */
export function proposeEvent(text: string, series: Record<string, string>, events: KnownEvent[]): EventProposal | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const names = Object.entries(series).flatMap(([id, name]) => [
    { id, words: name },
    ...events.filter((e) => e.series === id).map((e) => ({ id, words: e.shortName.replace(/\b\d{4}\b/, '').trim() })),
  ]);
  let found: { id: string; index: number; as: string } | undefined;
  for (const { id, words } of names) {
    const tokens = words.split(/[\s+]+/).filter((w) => w.length > 1).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (!tokens.length) continue;
    // The words in order, up to 30 characters apart ("KubeCon + CloudNativeCon Europe", "KubeCon … Europe").
    const m = new RegExp(`\\b${tokens.join('\\b.{0,30}?\\b')}\\b`, 'i').exec(flat);
    if (m && (!found || m.index < found.index || (m.index === found.index && m[0].length > found.as.length))) found = { id, index: m.index, as: m[0] };
  }
  let newSeries: EventProposal['newSeries'];
  if (!found) {
    const named = findSeries(flat, series, new Set(events.flatMap((e) => e.city ?? [])));
    if (!named) return undefined;
    newSeries = { id: named.id, name: named.name };
    series = { ...series, [named.id]: named.name };
    found = { id: named.id, index: flat.indexOf(named.as), as: named.name };
  }
  const because = [`${newSeries ? 'proposed series (new to taxonomy.yaml)' : 'series'}: "${found.as}" in the text → ${found.id}`];
  const near = flat.slice(found.index, found.index + found.as.length + 20);
  const yearMatch = /\b(19|20)\d{2}\b/.exec(near) ?? /\b(?:19|20)\d{2}\b/.exec(flat);
  const year = yearMatch ? Number(yearMatch[0]) : undefined;
  const event: EventProposal['event'] = { series: found.id };
  const missing: (keyof NewEvent)[] = [];
  const unconfirmed: string[] = [];
  if (year) {
    because.push(`year: "${year}" in the text`);
    const name = `${series[found.id]} ${year}`;
    const sibling = events.find((e) => e.series === found!.id);
    event.id = `${found.id}-${year}`;
    event.name = name;
    event.shortName = sibling ? sibling.shortName.replace(/\b\d{4}\b/, String(year)) : name;
    const dates = findDates(flat, year);
    if (dates) {
      event.start = dates.start;
      event.end = dates.end;
      because.push(`dates: "${dates.as}" in the text`);
      unconfirmed.push('start', 'end');
    } else missing.push('start', 'end');
  } else missing.push('id', 'name', 'shortName', 'start', 'end');
  const places = [...new Map(events.flatMap((e) => (e.city && e.country ? [[e.city, e.country] as const] : []))).entries()];
  const place = places
    .map(([city, country]) => ({ city, country, at: new RegExp(`\\b${city.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).exec(flat)?.index }))
    .filter((p) => p.at !== undefined)
    .sort((a, b) => Math.abs(a.at! - found!.index) - Math.abs(b.at! - found!.index))[0];
  const said = place ? undefined : cityInText(flat);
  if (place) {
    event.city = place.city;
    event.country = place.country;
    because.push(`city: "${place.city}" in the text (${place.country}, as events.yaml has it)`);
  } else if (said) {
    // A city no event of ours was held in: the text's word for it, unconfirmed; its country is not guessed.
    event.city = said.city;
    unconfirmed.push('city');
    because.push(`city: "${said.as}" in the text (a city events.yaml does not know yet)`);
    missing.push('country');
  } else missing.push('city', 'country');
  return { event, ...(year ? { year } : {}), because, missing, unconfirmed, ...(newSeries ? { newSeries } : {}) };
}

const notPlaces = new Set([...months.map((m) => m[0]!.toUpperCase() + m.slice(1)), 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Europe', 'Asia', 'Africa', 'America', 'North', 'South', 'The']);

/**
 * The city a text says an event was held in: "took place in Porto", "was held in São Paulo",
 * "hosted in the city of Den Haag" (one to three capitalised words, not a month, a day or a
 * continent). Only that phrasing counts: "in Kubernetes" or "in March" says nothing of a place.
 */
export function cityInText(text: string): { city: string; as: string } | undefined {
  const m = /\b(?:took place|takes place|was held|is held|were held|held|was hosted|hosted|came to town)\s+in\s+(?:the\s+(?:city|town)\s+of\s+)?(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|da|do|del|la|le|am|an|upon)){0,3})/u.exec(text);
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/);
  while (words.length && !/^\p{Lu}/u.test(words.at(-1)!)) words.pop();
  const city = words.join(' ').replace(/[.'’-]+$/, '');
  if (!city || notPlaces.has(words[0]!) || city.length > 40) return undefined;
  return { city, as: m[0] };
}

/** A talk the text names: “Title” by A and B (or a keynote/panel/talk “Title”). */
export interface TalkMention {
  title: string;
  /** Speaker names as the text gives them, in order. */
  speakers: string[];
  kind: 'talk' | 'keynote' | 'panel' | 'workshop' | 'lightning talk';
  /** The words the mention was found in. */
  as: string;
}

const quoted = '[“"‘\']([^”"’\']{4,140})[”"’\']';
/** A name word ("Zoë", "O’Brien", an initial "J."), then up to three more (particles such as "van" included). */
const nameWord = "\\p{Lu}(?:\\.|[\\p{L}'’-]+)";
const personName = `${nameWord}(?:\\s+(?:van|von|de|der|da|di|le|la|${nameWord})){0,3}`;

/** Talks the text names by a quoted title: `the talk “…” by A and B`, `keynote "…"`, `“…” by A, B and C`. */
export function findTalks(text: string): TalkMention[] {
  const flat = text.replace(/\s+/g, ' ');
  const kinds = '((?i:lightning talk|keynote|panel|workshop|talk|session|presentation))';
  const byWhom = `(?:\\s*,?\\s+(?i:by|from|with)\\s+(${personName}(?:\\s*(?:,|and|&)\\s*${personName})*))?`;
  const patterns = [
    new RegExp(`\\b${kinds}(?:\\s+(?i:called|titled|named|on))?\\s*:?\\s*${quoted}${byWhom}`, 'gu'),
    new RegExp(`${quoted}(?:\\s*\\(?\\s*${kinds})?${byWhom.replace('(?i:by|from|with)', '(?i:by)')}`, 'gu'),
  ];
  const found = new Map<string, TalkMention>();
  for (const [i, pattern] of patterns.entries()) {
    for (const m of flat.matchAll(pattern)) {
      const [kindWord, title, names] = i === 0 ? [m[1], m[2], m[3]] : [m[2], m[1], m[3]];
      // A title has words: four characters or more, letters among them (not a quoted space or number).
      if (!title || title.trim().length < 4 || !/\p{L}{2}/u.test(title) || (i === 1 && !names && !kindWord)) continue;
      const key = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (found.has(key) && !names) continue;
      const kindOf = (kindWord ?? 'talk').toLowerCase();
      const kind = (['keynote', 'panel', 'workshop', 'lightning talk'].includes(kindOf) ? kindOf : 'talk') as TalkMention['kind'];
      const speakers = names ? names.split(/\s*(?:,|\band\b|&)\s*/).map((n) => n.trim()).filter(Boolean) : [];
      found.set(key, { title: title.trim(), speakers, kind, as: m[0].trim() });
    }
  }
  return [...found.values()];
}

/** Keywords that point to a tool category (the taxonomy's own words first). */
const categoryHints: [RegExp, string][] = [
  [/\b(trac(?:e|es|ing)|metrics?|logs?|logging|observability|monitoring|dashboards?|telemetry)\b/i, 'Observability'],
  [/\b(policy|policies|admission|signing|signatures?|supply chain|vulnerabilit(?:y|ies)|security|secrets?|sbom)\b/i, 'Security'],
  [/\b(gitops|pipelines?|ci\/cd|continuous (?:delivery|deployment|integration)|deploy(?:s|ment)?)\b/i, 'CI/CD and GitOps'],
  [/\b(network(?:ing)?|service mesh|ebpf|cni|ingress|proxy)\b/i, 'Kubernetes platforms'],
  [/\b(developer portal|developer experience|internal developer platform|ide|cli)\b/i, 'Developer tools'],
  [/\b(storage|database|backup|volumes?|data)\b/i, 'Data and storage'],
  [/\b(autoscal(?:e|er|ing)|scal(?:e|ing) (?:up|down|out))\b/i, 'Autoscaling'],
  [/\b(operators?|crds?|custom resources?|controllers?)\b/i, 'Operators'],
  [/\b(terraform|infrastructure as code|provisioning)\b/i, 'Infrastructure as code'],
  [/\b(charts?|packag(?:e|es|ing)|templat(?:e|es|ing)|kustomiz)\b/i, 'Packaging and configuration'],
  [/\b(serverless|functions?)\b/i, 'Serverless'],
  [/\b(queues?|messaging|grpc|events? streaming|kafka)\b/i, 'Messaging and RPC'],
];

export interface ToolProposal {
  name: string;
  /** A project link the text gives for it (its GitHub repository or site), when there is one. */
  homepage?: string;
  /** A category of taxonomy.yaml the sentences around it point to, when one does. */
  category?: string;
  /** Why it looks like a tool: "code span", "GitHub link", "product name". */
  why: string;
}

const stopNames = new Set(['The', 'This', 'That', 'These', 'There', 'Then', 'When', 'What', 'While', 'After', 'Before', 'Day', 'Europe', 'America', 'Asia', 'North', 'South', 'Keynote', 'Talk', 'Panel', 'Posted', 'Updated', 'Read', 'Share', 'Follow', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'I', 'We', 'My', 'Our', 'It', 'In', 'On', 'At', 'For', 'And', 'But', 'So', 'If', 'As', 'A', 'An']);

/**
 * Tool-like names in `text` that `known` (the tools.yaml finder) does not know: code spans, GitHub
 * repositories, CamelCase names and capitalised names the text uses more than once, or in front of
 * "project", "operator", "CLI"… Each with the link and the category the text suggests, when it does.
 */
export function proposeTools(text: string, known: (name: string) => boolean, categories: string[], exclude: Set<string> = new Set()): ToolProposal[] {
  const found = new Map<string, ToolProposal>();
  const add = (name: string, why: string, homepage?: string) => {
    const clean = name.replace(/[.,;:]+$/, '');
    if (clean.length < 2 || stopNames.has(clean) || exclude.has(clean) || known(clean) || /^\d/.test(clean)) return;
    const had = found.get(clean.toLowerCase());
    if (had) {
      had.homepage ??= homepage;
      return;
    }
    found.set(clean.toLowerCase(), { name: clean, why, ...(homepage ? { homepage } : {}) });
  };
  for (const m of text.matchAll(/https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)/g)) add(m[2]!.replace(/\.git$/, ''), 'GitHub link', `https://github.com/${m[1]}/${m[2]!.replace(/\.git$/, '')}`);
  for (const m of text.matchAll(/\[([A-Z][\w .-]{1,30})\]\((https?:\/\/[^)\s]+)\)/g)) {
    if (/github\.com|\.io\b|\.dev\b|project/i.test(m[2]!) && !/\s{2}/.test(m[1]!) && m[1]!.split(' ').length <= 3) add(m[1]!, 'project link', m[2]);
  }
  for (const m of text.matchAll(/`([A-Za-z][\w.-]{1,30})`/g)) if (!/[=/]/.test(m[1]!) && !/^[a-z]+\.[a-z]+$/.test(m[1]!)) add(m[1]!, 'code span');
  for (const m of text.matchAll(/\b([A-Z][\w-]{2,30}) (?:project|operator|controller|CLI|plugin)\b/g)) add(m[1]!, `named as a ${m[0].split(' ')[1]}`);
  // A table whose column is headed "Tool" or "Project" names one a row ("| Jaeger | tracing | keep |").
  const tables = tablesOf(text);
  for (const { head, rows } of tables) {
    const column = head.findIndex((label) => /^(?:tools?|projects?)$/i.test(label));
    for (const row of column < 0 ? [] : rows) {
      const cell = row[column];
      if (cell && cell.split(' ').length <= 3) add(cell, 'a table\'s "Tool" column');
    }
  }
  for (const m of text.matchAll(/\b([A-Z][a-z]+[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)\b/g)) add(m[1]!, 'product-style name');
  // Capitalised words used at least twice, not at a sentence's start.
  const counts = new Map<string, number>();
  // A table's header row ("| Tool | Use |") is labels, not names.
  const headLines = new Set(tables.map((t) => t.headLine));
  const prose = text.split('\n').filter((_, i) => !headLines.has(i + 1)).join('\n');
  for (const m of prose.matchAll(/(?<![.!?]\s|^|\n)\b([A-Z][a-z]{2,}(?: [A-Z][a-z]+)?)\b/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  for (const [name, n] of counts) if (n >= 2) add(name, 'capitalised name, used more than once');
  const sentences = text.split(/[.!?\n]+/);
  for (const proposal of found.values()) {
    const named = new RegExp(`\\b${proposal.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
    const around = sentences.filter((sentence) => named.test(sentence)).join(' ');
    const hint = categoryHints.find(([pattern, category]) => categories.includes(category) && pattern.test(around));
    if (hint) proposal.category = hint[1];
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The GFM tables of a Markdown text, by remark: header labels, rows of cells (plain text), and the header's line. */
function tablesOf(text: string): { head: string[]; rows: string[][]; headLine: number }[] {
  const textOf = (node: Nodes): string => ('value' in node ? node.value : 'children' in node ? node.children.map(textOf).join('') : '').trim();
  const tables: { head: string[]; rows: string[][]; headLine: number }[] = [];
  visit(unified().use(remarkParse).use(remarkGfm).parse(text), 'table', (table: Table) => {
    const [head, ...rows] = table.children.map((row) => row.children.map(textOf));
    tables.push({ head: head ?? [], rows, headLine: table.position?.start.line ?? 0 });
  });
  return tables;
}

/**
 * The tools.yaml entry ingest writes for a proposal with a guessed category: the name as its one
 * spelling, the link the text gives as homepage, no description (nobody has written one yet), and
 * all three unconfirmed. Its id is the name's (`idFromTitle`; empty when the name has no letters a-z).
 */
export const toolEntry = (t: ToolProposal & { category: string }) => ({
  id: idFromTitle(t.name),
  entry: { name: t.name, ...(t.homepage ? { homepage: t.homepage } : {}), category: t.category, match: [t.name], unconfirmed: ['homepage', 'category', 'description'] },
});

/** A person id for a name the text gives ("Ada Lovelace" → ada-lovelace). */
export const personIdFor = (name: string) => idFromTitle(name);

/** A talk's id, as import-schedule makes it: from its title, with its event's id after it when that is taken. */
export const talkIdFor = (event: string, title: string, taken: { has(id: string): boolean }) => {
  const id = idFromTitle(title);
  return taken.has(id) ? idFromTitle(`${title} ${event}`) : id;
};

export interface TalkPlan {
  mention: TalkMention;
  /** An existing talk of the event with the same title: nothing to add. */
  existing?: string;
  /** Otherwise the new talk's id and its speakers: known people by id, new ones to add by name. */
  id?: string;
  speakers: { id: string; name: string; isNew: boolean }[];
}

/**
 * What adding the talks `mentions` to `event` takes: each mention matched to a talk of the event
 * by title (`sameTitle`: case, accents, punctuation and Sched's " - Speaker" tail aside), else a new talk; its speakers matched to people
 * by name, else new people. Ids never collide with taken ones.
 */
export function planTalks(
  mentions: TalkMention[],
  event: string,
  talks: { id: string; title: string; event: string }[],
  people: { id: string; name: string }[],
): TalkPlan[] {
  const takenTalks = new Set(talks.map((t) => t.id));
  const takenPeople = new Map(people.map((p) => [p.id, p.name]));
  const byName = new Map(people.map((p) => [normalizeText(p.name), p.id]));
  const unique = (base: string, taken: { has(id: string): boolean }) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  };
  return mentions.map((mention) => {
    const same = talks.find((t) => t.event === event && sameTitle(t.title, mention.title));
    if (same) return { mention, existing: same.id, speakers: [] };
    const speakers = mention.speakers.map((name) => {
      const known = byName.get(normalizeText(name));
      if (known) return { id: known, name, isNew: false };
      const id = unique(personIdFor(name) || 'speaker', takenPeople);
      takenPeople.set(id, name);
      byName.set(normalizeText(name), id);
      return { id, name, isNew: true };
    });
    const id = unique(talkIdFor(event, mention.title, takenTalks), takenTalks);
    takenTalks.add(id);
    return { mention, id, speakers };
  });
}
