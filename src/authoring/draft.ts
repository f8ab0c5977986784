/**
 * What `npm run ingest` and `npm run new-report` write: a draft report's text, a new event's entry
 * for events.yaml, and the files a new report would take (never overwritten). Pure: no files here.
 */
import { toYaml } from '../lib/yaml.ts';
import { idPattern } from '../schemas/common.ts';

export interface DraftInput {
  title: string;
  event: { id: string; year: number; city?: string | undefined };
  /** A person id from people.yaml. */
  author: string;
  source?: { url?: string; site: string };
  /** YYYY-MM-DD, when the capture states it. */
  published?: string;
  /** Topics with sections named by heading text; `npm run check -- --fix` turns them into ids. */
  topics?: { topic: string; sections: string[] }[];
  body: string;
}

/** A complete draft report: the frontmatter (year and city from the event, as `--fix` would write them) and the body. */
export function draftReport({ title, event, author, source, published, topics = [], body }: DraftInput): string {
  const lines = [
    '---',
    toYaml({ title, event: event.id, year: event.year, ...(event.city ? { city: event.city } : {}), author, ...(published ? { published } : {}), ...(source ? { source: source.url ? { url: source.url, site: source.site } : { site: source.site } } : {}) }),
    'summary: "TODO: one or two sentences of ours: what the reader will find."',
    'tools: []',
    ...(topics.length
      ? ['topics:', ...topics.flatMap((t) => [`  - topic: ${t.topic}`, `    sections: [${t.sections.map((s) => JSON.stringify(s)).join(', ')}]`])]
      : ['topics: []']),
    'draft: true',
    '---',
    '',
    '',
  ];
  return `${lines.join('\n')}${body.trim()}\n`;
}

/** The body a first-hand report starts from. */
export const skeleton = `TODO: a sentence or two on why you went and what you looked for.

## What I heard

TODO: one section per talk or conversation worth keeping; name the tools as their projects spell them.

## What I take home

TODO: what the team should try, watch or avoid.
`;

export interface NewEvent {
  id: string;
  name: string;
  shortName: string;
  series: string;
  city: string;
  country: string;
  start: string;
  end: string;
  url?: string;
  summary: string;
}

/** A new event whose dates may not be known yet (ingest): then its year is given, and the dates left out. */
export type NewEventMaybeUndated = Omit<NewEvent, 'start' | 'end' | 'city' | 'country'> & { start?: string; end?: string; year?: number; city?: string; country?: string };

/** The fields of a new event's entry in events.yaml, as the schema reads them (the year from the start, else as given). */
export function eventFields(e: NewEventMaybeUndated) {
  const year = e.start ? Number(e.start.slice(0, 4)) : Number(e.year);
  const days = { ...(e.start ? { start: e.start } : {}), ...(e.end ? { end: e.end } : {}) };
  return { name: e.name, shortName: e.shortName, series: e.series, year, ...(e.city ? { city: e.city } : {}), ...(e.country ? { country: e.country } : {}), ...days, ...(e.url ? { url: e.url } : {}), summary: e.summary };
}

/** The entry for events.yaml, appended after what is there (nothing written before it changes). */
export const eventEntry = (event: NewEvent) => `${toYaml({ [event.id]: eventFields(event) })}\n`;

/** The entry for people.yaml of someone we only know by name. */
export const personEntry = (id: string, name: string) => `${toYaml({ [id]: { name } })}\n`;

/**
 * `text` with `entry` appended as its own block after a blank line. Every byte already there is
 * kept (a missing last newline is added after it); a file written with CRLF gets CRLF.
 */
export function appendEntry(text: string, entry: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const gap = text === '' || text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  return `${text}${gap}${entry.replaceAll('\n', eol)}`;
}

/**
 * Why `value` cannot be a one-line value (a title, a name, a city), in our words, or undefined.
 * A line break would need a block scalar, and a control character is invisible where it
 * changes what a reader or a search sees.
 */
export function notOneLine(value: string): string | undefined {
  const found = /[\n\r\u0085\u2028\u2029]|[\u0000-\u001f\u007f-\u009f]/.exec(value);
  if (!found) return undefined;
  const char = found[0];
  if (/[\n\r\u0085\u2028\u2029]/.test(char)) return `expected one line of text, found a line break after "${value.slice(0, found.index).slice(-20)}"; write it on one line`;
  if (char === '\t') return `expected one line of text without tabs, found a tab (U+0009) at character ${found.index + 1}; use a space`;
  return `expected text without control characters, found U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${found.index + 1}; remove it (it is invisible, but not to a search)`;
}

/**
 * A file id from a title: "What We Learned!" → "what-we-learned". At most 80 characters (cut
 * after a whole word), so a long title still makes a file name and an address one can read.
 */
export function idFromTitle(title: string): string {
  const id = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id.length <= 80 ? id : id.slice(0, 81).replace(/-[^-]*$/, '') || id.slice(0, 80);
}

/** Says why `id` cannot name a report, or undefined when it can. */
export const badId = (id: string) =>
  idPattern.test(id) ? undefined : `expected lower-case words joined by hyphens (it becomes /reports/<id>/), found "${id}"`;
