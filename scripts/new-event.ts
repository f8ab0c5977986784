/**
 * `npm run new-event -- --id <id> --name "<full name>" …`: adds one event to content/events.yaml
 * (appended; every byte before it is kept), asking in a terminal for what is missing, and reads the
 * file back with the check (putting it back as it was if that fails).
 */
import { asker, soundRegistries } from '../src/authoring/cli.ts';
import { eventEntry, eventFields } from '../src/authoring/draft.ts';
import { askNewEvent, eventOptions } from '../src/authoring/event.ts';
import { Change } from '../src/authoring/writes.ts';
import { commandLine } from '../src/lib/command-line.ts';
import { contentPaths } from '../src/paths.ts';

const usage = `Usage: npm run new-event -- --id <id> --name "<full name>" --short-name "<short>" --series <series>
                             --city <city> --country <country> --start YYYY-MM-DD --end YYYY-MM-DD
                             [--url <event page>] [--summary "<one sentence>"]

Adds the event to content/events.yaml, after what is there (nothing else in the file changes), so
reports can name it (\`npm run new-report -- --event <id>\`, \`npm run ingest -- … --event <id>\`).
In a terminal it asks for whatever is missing. Every value is one line of text. The id is
lower-case words joined by hyphens, e.g. kubecon-eu-2031; the series is one of the ids in
content/taxonomy.yaml; the summary defaults to "<name>, held in <city> from <start> to <end>."`;

const { values, usageError } = commandLine({
  command: 'npm run new-event',
  usage,
  options: {
    id: { type: 'string' },
    ...eventOptions,
    summary: { type: 'string' },
  },
});

const registries = soundRegistries();
const ask = asker('new-event', values, usageError);
const event = await askNewEvent(ask, registries, { id: 'id', summary: 'summary' });
ask.close();
const change = new Change();
change.append(contentPaths.events, eventEntry(event), { [event.id]: eventFields(event) });
change.readBack();
console.log(`Added the event ${event.id} to ${contentPaths.events} (at the end). Reports can name it now: npm run new-report -- --event ${event.id}`);
