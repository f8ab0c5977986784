/**
 * `npm run import-schedule -- <file> [--event <id>]`: a conference's published programme (a file,
 * never fetched) fills events.yaml, talks.yaml and people.yaml. The work is in src/schedule/;
 * this shows the changes, asks (or takes --yes / --dry-run), writes and reads back.
 */
import { asker, soundRegistries } from '../src/authoring/cli.ts';
import { Change } from '../src/authoring/writes.ts';
import { commandLine } from '../src/lib/command-line.ts';
import { formatProblem, sortProblems } from '../src/lib/problems.ts';
import { contentDir } from '../src/paths.ts';
import { diffOf, prepareImport, summaryOf } from '../src/schedule/import.ts';

const usage = `Usage: npm run import-schedule -- <file> [--event <id>] [--timezone <zone>] [--yes | --dry-run]

Reads a conference programme from <file> and adds or completes the event's dates and time zone
(content/events.yaml), its talks with day, start, duration, room, track, language, abstract and
links (content/talks.yaml) and their speakers' public names (content/people.yaml). The format is
told by the content: Pretalx (frab) schedule.json, Sessionize "All data" JSON, or iCalendar
(Sched's export or any other). It never fetches anything; download the file first (README,
"Importing a programme").

An existing talk is matched, never duplicated: by the programme's session id, its title (case,
punctuation, quotes and Sched's " - Speaker, Company" ignored) with compatible speakers, or an
unconfirmed title sharing a speaker. A match fills what is missing and confirms unconfirmed
fields; a hand-written value is never replaced. A near match (an "Untitled talk on …") is only
proposed. Breaks, registration, lunch and the like are skipped and counted. Running the same
import again changes nothing.

  --event <id>        the event in events.yaml (default: the one whose name or dates are the programme's)
  --timezone <zone>   IANA zone for a calendar's UTC times, when neither it nor the event names one
  --yes               apply without asking (scripts, CI)
  --dry-run           only print the changes, as a diff
In a terminal it prints the changes and asks. Every file written is read back by the check; if one
does not read back as meant, all are put back as they were.`;

const { values, positionals, usageError } = commandLine({
  command: 'npm run import-schedule',
  usage,
  positionals: 1,
  options: { event: { type: 'string' }, timezone: { type: 'string' }, yes: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
});
const file = positionals[0] ?? usageError('<file>', 'expected the schedule file to import, found nothing');
if (values.yes && values['dry-run']) usageError('--dry-run', 'expected either --yes or --dry-run, found both');

soundRegistries();
const prepared = prepareImport(file, contentDir, { event: values.event, timezone: values.timezone });
if (prepared.problems.length) {
  console.error(`${sortProblems(prepared.problems).map(formatProblem).join('\n')}\nNothing was written.`);
  process.exit(1);
}
console.log(summaryOf(file, prepared));
if (!prepared.writes.length) {
  console.log('Nothing to change: the registries already hold this programme.');
  process.exit(0);
}
if (values['dry-run']) {
  console.log(`\n${diffOf(prepared.writes)}\n\nNothing was written (--dry-run).`);
  process.exit(0);
}
if (!values.yes) {
  const ask = asker('import-schedule', values, usageError);
  console.log(`\n${diffOf(prepared.writes)}\n`);
  const yes = await ask.confirm(`Write these changes to ${prepared.writes.map((w) => w.file).join(', ')}?`);
  ask.close();
  if (yes === undefined) usageError('--yes', 'expected --yes to apply or --dry-run to only show the changes, found neither (not in a terminal, so nothing can be asked)');
  if (!yes) {
    console.log('Nothing was written.');
    process.exit(0);
  }
}
const change = new Change();
try {
  for (const w of prepared.writes) change.replace(w.file, w.before, w.after, w.expected);
} catch (error) {
  change.undo();
  console.error(`${(error as Error).message}\nNothing was written.`);
  process.exit(1);
}
change.readBack();
console.log(`Wrote ${prepared.writes.map((w) => w.file).join(', ')}; the check reads them back as meant.`);
