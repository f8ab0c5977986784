/**
 * What `npm run ingest` and `npm run new-report` write: a draft report's text, a new event's entry
 * for events.yaml, and the files a new report would take (never overwritten). Pure: no files here.
 */
import { stringify } from 'yaml';
import { idPattern } from '../schemas/common.ts';

const scalar = (value: string | number) => stringify(value).trimEnd();

export interface DraftInput {
  title: string;
  event: { id: string; year: number; city: string };
  /** A person id from people.yaml. */
  author: string;
  source?: { url: string; site: string };
  /** Topics with sections named by heading text; `npm run check -- --fix` turns them into ids. */
  topics?: { topic: string; sections: string[] }[];
  body: string;
}

/** A complete draft report: the frontmatter (year and city from the event, as `--fix` would write them) and the body. */
export function draftReport({ title, event, author, source, topics = [], body }: DraftInput): string {
  const lines = [
    '---',
    `title: ${scalar(title)}`,
    `event: ${event.id}`,
    `year: ${event.year}`,
    `city: ${scalar(event.city)}`,
    `author: ${author}`,
    ...(source ? ['source:', `  url: ${scalar(source.url)}`, `  site: ${scalar(source.site)}`] : []),
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

/** The entry for events.yaml, appended after what is there (nothing written before it changes). */
export function eventEntry(event: NewEvent): string {
  const year = Number(event.start.slice(0, 4));
  return [
    `${event.id}:`,
    `  name: ${scalar(event.name)}`,
    `  shortName: ${scalar(event.shortName)}`,
    `  series: ${event.series}`,
    `  year: ${year}`,
    `  city: ${scalar(event.city)}`,
    `  country: ${scalar(event.country)}`,
    `  start: "${event.start}"`,
    `  end: "${event.end}"`,
    ...(event.url ? [`  url: ${scalar(event.url)}`] : []),
    `  summary: ${scalar(event.summary)}`,
    '',
  ].join('\n');
}

/** The entry for people.yaml of someone we only know by name. */
export const personEntry = (id: string, name: string) => `${id}:\n  name: ${scalar(name)}\n`;

/** `text` with `entry` appended as its own block. */
export const appendEntry = (text: string, entry: string) => `${text.replace(/\n*$/, '\n')}\n${entry}`;

/** A file id from a title: "What We Learned!" → "what-we-learned". */
export function idFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Says why `id` cannot name a report, or undefined when it can. */
export const badId = (id: string) =>
  idPattern.test(id) ? undefined : `expected lower-case words joined by hyphens (it becomes /reports/<id>/), found "${id}"`;
