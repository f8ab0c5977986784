/**
 * A new event for events.yaml, from flags or, in a terminal, from questions: what
 * `npm run new-event` and `npm run new-report -- --new-event` share. Everything is checked here
 * (one line each, a known series, real dates, the schema) before anything is written.
 */
import type { Registries } from '../check/index.ts';
import { nearest } from '../lib/suggest.ts';
import { contentPaths } from '../paths.ts';
import { isCalendarDate } from '../schemas/common.ts';
import { eventSchema } from '../schemas/registries.ts';
import { fail, type Ask } from './cli.ts';
import { badId, eventFields, type NewEvent } from './draft.ts';

/** The flags of a new event's fields that both commands take under the same name. */
const text = { type: 'string' } as const;
export const eventOptions = { name: text, 'short-name': text, series: text, city: text, country: text, start: text, end: text, url: text };

/** `flags` names the two flags whose names differ between the commands: the id and the summary. */
export async function askNewEvent(ask: Ask, registries: Registries, flags: { id: string; summary: string }): Promise<NewEvent> {
  const file = contentPaths.events;
  const id = await ask.need(flags.id, 'the new event\'s id, e.g. kubecon-eu-2031');
  const why = badId(id);
  if (why) fail(file, id, why);
  if (registries.events.some((e) => e.id === id)) fail(file, id, `expected a new event id, found "${id}" already in events.yaml; use it as it is (--event ${id})`);
  const knownSeries = Object.keys(registries.taxonomy?.series ?? {});
  const series = await ask.need('series', `its series (${knownSeries.join(', ')})`);
  if (!knownSeries.includes(series)) {
    const guess = nearest(series, knownSeries);
    fail(contentPaths.taxonomy, 'series', `expected one of ${knownSeries.join(', ')}, found "${series}"${guess ? `; did you mean "${guess}"?` : '; add a new series to taxonomy.yaml first'}`);
  }
  const event: NewEvent = {
    id,
    name: await ask.need('name', 'its full name, e.g. KubeCon + CloudNativeCon Europe 2031'),
    shortName: await ask.need('short-name', 'a short name for lists, e.g. KubeCon EU 2031'),
    series,
    city: await ask.need('city', 'the city'),
    country: await ask.need('country', 'the country'),
    start: await ask.need('start', 'the first day, YYYY-MM-DD'),
    end: await ask.need('end', 'the last day, YYYY-MM-DD'),
    summary: '',
  };
  for (const key of ['start', 'end'] as const) {
    if (!isCalendarDate(event[key])) fail(file, `${id}.${key}`, `expected a real calendar date YYYY-MM-DD, found "${event[key]}"`);
  }
  if (event.end < event.start) fail(file, `${id}.end`, `expected a day on or after the start ("${event.start}"), found "${event.end}"`);
  const url = await ask.maybe('url', 'its web page (Enter for none)');
  if (url) event.url = url;
  event.summary = (await ask.maybe(flags.summary, 'one sentence about it (Enter for "<name>, held in <city> from <start> to <end>.")'))
    ?? `${event.name}, held in ${event.city} from ${event.start} to ${event.end}.`;
  const parsed = eventSchema.safeParse(eventFields(event));
  if (!parsed.success) fail(file, id, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return event;
}
