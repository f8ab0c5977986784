/**
 * `npm run new-report -- --event <id> --author <person id or name> --title "<title>"`: starts a first-hand
 * report (a draft with a skeleton) and, for an event we do not have yet, adds it to events.yaml.
 * Asks for what is missing when run in a terminal; fails naming the missing flag otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { authorId, fail, fixAndReport, knownEvent, nextSteps, refuseToOverwrite, soundRegistries } from '../src/authoring/cli.ts';
import { appendEntry, badId, draftReport, eventEntry, idFromTitle, skeleton, type NewEvent } from '../src/authoring/draft.ts';
import { nearest } from '../src/lib/suggest.ts';
import { isCalendarDate } from '../src/schemas/common.ts';
import { eventSchema } from '../src/schemas/registries.ts';
import { contentPaths } from '../src/paths.ts';

const usage = `Usage: npm run new-report -- --event <id> --author <person id or name> --title "<title>" [--id <id>]
       npm run new-report -- --new-event <id> --name "<full name>" --short-name "<short>" --series <series>
                              --city <city> --country <country> --start YYYY-MM-DD --end YYYY-MM-DD
                              [--url <event page>] [--event-summary "<one sentence>"]
                              --author <person id or name> --title "<title>"

Writes content/reports/<id>.mdx, a draft (draft: true) with year and city from the event and a
skeleton to fill in. With --new-event it first adds the event to content/events.yaml (appended;
nothing else in the file changes). In a terminal it asks for whatever is missing. It never
overwrites a file. Series: the ids in content/taxonomy.yaml.`;

const { values } = parseArgs({
  options: {
    event: { type: 'string' },
    'new-event': { type: 'string' },
    name: { type: 'string' },
    'short-name': { type: 'string' },
    series: { type: 'string' },
    city: { type: 'string' },
    country: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    url: { type: 'string' },
    'event-summary': { type: 'string' },
    author: { type: 'string' },
    title: { type: 'string' },
    id: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const registries = soundRegistries();

const prompt = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
/** The flag's value, asked for in a terminal, or our error naming the flag. */
async function need(flag: keyof typeof values, question: string): Promise<string> {
  const given = values[flag];
  if (typeof given === 'string' && given.trim()) return given.trim();
  if (!prompt) fail('new-report', `--${flag}`, `expected ${question}, found nothing (not in a terminal, so nothing can be asked)\n\n${usage}`);
  const answer = (await prompt.question(`${question}: `)).trim();
  return answer || need(flag, question);
}

let event: { id: string; year: number; city: string };
/** Written only once everything else is known to be fine. */
let newEvent: NewEvent | undefined;
if (values['new-event'] || (!values.event && prompt && (await prompt.question('Is the event in content/events.yaml already? [Y/n] ')).trim().toLowerCase() === 'n')) {
  const id = await need('new-event', 'the new event\'s id, e.g. kubecon-eu-2031');
  const why = badId(id);
  if (why) fail(contentPaths.events, id, why);
  if (registries.events.some((e) => e.id === id)) fail(contentPaths.events, id, `expected a new event id, found "${id}" already in events.yaml; use --event ${id}`);
  const series = await need('series', `its series (${Object.keys(registries.taxonomy?.series ?? {}).join(', ')})`);
  const knownSeries = Object.keys(registries.taxonomy?.series ?? {});
  if (!knownSeries.includes(series)) {
    const guess = nearest(series, knownSeries);
    fail(contentPaths.taxonomy, 'series', `expected one of ${knownSeries.join(', ')}, found "${series}"${guess ? `; did you mean "${guess}"?` : '; add a new series to taxonomy.yaml first'}`);
  }
  const fields: NewEvent = {
    id,
    name: await need('name', 'its full name, e.g. KubeCon + CloudNativeCon Europe 2031'),
    shortName: await need('short-name', 'a short name for lists, e.g. KubeCon EU 2031'),
    series,
    city: await need('city', 'the city'),
    country: await need('country', 'the country'),
    start: await need('start', 'the first day, YYYY-MM-DD'),
    end: await need('end', 'the last day, YYYY-MM-DD'),
    summary: '',
  };
  if (values.url) fields.url = values.url;
  for (const key of ['start', 'end'] as const) {
    if (!isCalendarDate(fields[key])) fail(contentPaths.events, `${id}.${key}`, `expected a real calendar date YYYY-MM-DD, found "${fields[key]}"`);
  }
  if (fields.end < fields.start) fail(contentPaths.events, `${id}.end`, `expected a day on or after the start ("${fields.start}"), found "${fields.end}"`);
  fields.summary = values['event-summary'] ?? `${fields.name}, held in ${fields.city} from ${fields.start} to ${fields.end}.`;
  const { id: _, ...entry } = fields;
  const parsed = eventSchema.safeParse({ ...entry, year: Number(fields.start.slice(0, 4)) });
  if (!parsed.success) fail(contentPaths.events, id, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  newEvent = fields;
  event = { id, year: parsed.data.year, city: parsed.data.city };
} else {
  event = knownEvent(await need('event', 'the event, an id from content/events.yaml'), registries.events, 'new-report');
}

const authorGiven = await need('author', 'you: your id in content/people.yaml, or your name');
const title = await need('title', 'the report\'s title');
prompt?.close();
const id = values.id ?? idFromTitle(title);
const why = badId(id);
if (why) fail('new-report', '--id', why);
const file = join(contentPaths.reports, `${id}.mdx`);
refuseToOverwrite([file]);
const author = authorId(authorGiven, registries.people);
if (newEvent) {
  writeFileSync(contentPaths.events, appendEntry(readFileSync(contentPaths.events, 'utf8'), eventEntry(newEvent)));
  console.log(`Added the event ${newEvent.id} to ${contentPaths.events} (at the end; its summary says when and where, edit it if you like).`);
}
writeFileSync(file, draftReport({ title, event, author, body: skeleton }));
console.log(`Wrote ${file}, a first-hand draft for ${event.id}.`);
fixAndReport(file);
console.log(nextSteps(file));
