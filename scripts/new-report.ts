/**
 * `npm run new-report -- --event <id> --author <person id or name> --title "<title>"`: starts a first-hand
 * report (a draft with a skeleton) and, for an event we do not have yet, adds it to events.yaml.
 * Asks for what is missing when run in a terminal; fails naming the missing flag otherwise.
 */
import { join } from 'node:path';
import { addAuthor, asker, authorId, fail, fixAndReport, knownEvent, nextSteps, refuseToOverwrite, soundRegistries } from '../src/authoring/cli.ts';
import { badId, draftReport, eventEntry, eventFields, idFromTitle, skeleton } from '../src/authoring/draft.ts';
import { askNewEvent, eventOptions } from '../src/authoring/event.ts';
import { Change } from '../src/authoring/writes.ts';
import { commandLine } from '../src/lib/command-line.ts';
import { contentPaths } from '../src/paths.ts';

const usage = `Usage: npm run new-report -- --event <id> --author <person id or name> --title "<title>" [--id <id>]
       npm run new-report -- --new-event <id> --name "<full name>" --short-name "<short>" --series <series>
                              --city <city> --country <country> --start YYYY-MM-DD --end YYYY-MM-DD
                              [--url <event page>] [--event-summary "<one sentence>"]
                              --author <person id or name> --title "<title>"

Writes content/reports/<id>.mdx, a draft (draft: true) with year and city from the event and a
skeleton to fill in. With --new-event it first adds the event to content/events.yaml (appended;
nothing else in the file changes); \`npm run new-event\` adds an event alone. In a terminal it asks
for whatever is missing. Every value is one line of text. It never overwrites a file, and reads
back what it wrote with the check (putting everything back if that fails).
Series: the ids in content/taxonomy.yaml.`;

const { values, usageError } = commandLine({
  command: 'npm run new-report',
  usage,
  options: {
    event: { type: 'string' },
    'new-event': { type: 'string' },
    ...eventOptions,
    'event-summary': { type: 'string' },
    author: { type: 'string' },
    title: { type: 'string' },
    id: { type: 'string' },
  },
});

const registries = soundRegistries();
const ask = asker('new-report', values, usageError);

const newEvent = values['new-event'] || (!values.event && (await ask.confirm('Is the event in content/events.yaml already?')) === false)
  ? await askNewEvent(ask, registries, { id: 'new-event', summary: 'event-summary' })
  : undefined;
const event = newEvent
  ? { id: newEvent.id, year: eventFields(newEvent).year, city: newEvent.city }
  : knownEvent(await ask.need('event', 'the event, an id from content/events.yaml'), registries.events, 'new-report');

const authorGiven = await ask.need('author', 'you: your id in content/people.yaml, or your name');
const title = await ask.need('title', 'the report\'s title');
ask.close();
const id = values.id ?? idFromTitle(title);
const why = badId(id);
if (why) fail('new-report', '--id', why);
const file = join(contentPaths.reports, `${id}.mdx`);
refuseToOverwrite([file]);
const author = authorId(authorGiven, registries.people);

const change = new Change();
const done: string[] = [];
addAuthor(author, change, done);
if (newEvent) {
  change.append(contentPaths.events, eventEntry(newEvent), { [newEvent.id]: eventFields(newEvent) });
  done.push(`Added the event ${newEvent.id} to ${contentPaths.events} (at the end; its summary says when and where, edit it if you like).`);
}
change.create(file, draftReport({ title, event, author: author.id, body: skeleton }));
change.expect(file, { title, event: event.id, author: author.id });
done.push(`Wrote ${file}, a first-hand draft for ${event.id}.`);
fixAndReport(file, change, done);
console.log(nextSteps(file));
