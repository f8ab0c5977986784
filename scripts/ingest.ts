/**
 * `npm run ingest -- <capture.txt|.html|.md> --author "<name>" --url <original post> [--event <id>] [--title …] [--id …]`
 * A captured blog post → a draft report in content/reports/, the capture kept in content/sources/.
 * See src/authoring/ingest.ts for what it changes; it prints every line it removed.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { stringify } from 'yaml';
import { addAuthor, authorId, fail, fixAndReport, knownEvent, nextSteps, oneLine, refuseToOverwrite, soundRegistries } from '../src/authoring/cli.ts';
import { badId, draftReport, idFromTitle } from '../src/authoring/draft.ts';
import { guessEvent, htmlToText, normalizeMarkdown, normalizeText, proposeTopics, toolLikeNames } from '../src/authoring/ingest.ts';
import { Change } from '../src/authoring/writes.ts';
import { commandLine } from '../src/lib/command-line.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { createMentionFinder } from '../src/lib/mentions.ts';
import { readText } from '../src/lib/source-text.ts';
import { contentPaths } from '../src/paths.ts';

const usage = `Usage: npm run ingest -- <capture.txt|.html|.md> --author "<name>" --url <original post URL> [options]

Turns a captured blog post into a draft report, content/reports/<id>.mdx, and keeps the capture as
content/sources/<id>.txt with the list of removed lines in content/sources/<id>.yaml.

  --author <who>      who wrote the post: a person id from content/people.yaml, or a name (a new
                      name is added to people.yaml) (required)
  --url <URL>         the original post, credited on the page (required)
  --event <id>        the event it covers, an id from content/events.yaml; without it the event is
                      guessed from the text, and the guess is printed
  --title "<title>"   the post's title; without it, the capture's first heading-like line
  --id <id>           the file name (default: from the title)

It removes page chrome (cookie banners, share buttons, newsletter and comment boxes, author cards,
related articles, footers, stray image names) and prints every line it removed; restores headings
and lists; escapes what MDX would read as code; proposes topics per section; lists tool-like names
that are not in tools.yaml; then runs \`npm run check -- --fix\` on the draft and reads back every file
it wrote (putting everything back if that fails). It never overwrites a file.`;

const { values, positionals, usageError } = commandLine({
  command: 'npm run ingest',
  usage,
  positionals: 1,
  options: {
    author: { type: 'string' },
    url: { type: 'string' },
    event: { type: 'string' },
    title: { type: 'string' },
    id: { type: 'string' },
  },
});
const capture = positionals[0] ?? usageError('<capture>', 'expected the path of a captured post, found nothing');
if (!values.author) usageError('--author', 'expected the name of the post\'s author, found nothing');
if (!values.url || !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(values.url)) {
  fail(capture, '--url', `expected the original post's http(s) address (the page credits and links it), found ${values.url ? JSON.stringify(values.url) : 'nothing'}`);
}
oneLine(capture, '--url', values.url);

let bytes: Buffer;
try {
  bytes = readFileSync(capture);
} catch {
  fail(capture, '(file)', 'expected a readable file, found none');
}
const { text, problems: unreadable } = readText(bytes, capture);
if (text === undefined) {
  console.error(formatProblems(unreadable));
  process.exit(1);
}

const registries = soundRegistries();

const kind = extname(capture).toLowerCase();
const normalized =
  kind === '.md' || kind === '.markdown'
    ? normalizeMarkdown(text, values.title)
    : normalizeText(kind === '.html' || kind === '.htm' ? htmlToText(text) : text, values.title);
const title = oneLine(capture, '--title', values.title ?? normalized.title ?? '');
if (!title) fail(capture, '--title', 'expected a title (none stands out in the capture), found nothing; pass --title');

let eventId = values.event;
if (!eventId) {
  const guess = guessEvent(text, registries.events);
  if (!guess) {
    fail(capture, '--event', 'expected the event the post covers; nothing in the text names one of content/events.yaml clearly. Pass --event <id>, or add the event first with `npm run new-event`');
  }
  console.log(`Guessed the event: ${guess.id} (the text names ${guess.because}). Pass --event <id> if that is wrong.`);
  eventId = guess.id;
}
const event = knownEvent(eventId, registries.events, capture);

const id = values.id ?? idFromTitle(title);
const why = badId(id);
if (why) fail(capture, '--id', why);
const file = join(contentPaths.reports, `${id}.mdx`);
const kept = join(contentPaths.sources, `${id}.txt`);
const notes = join(contentPaths.sources, `${id}.yaml`);
refuseToOverwrite([file, kept, notes]);
const author = authorId(values.author!, registries.people);

const topics = proposeTopics(normalized.body, registries.topics);
const source = { url: values.url!, site: new URL(values.url!).hostname.replace(/^www\./, '') };
const change = new Change();
const done: string[] = [];
addAuthor(author, change, done);
change.create(file, draftReport({ title, event, author: author.id, source, topics, body: normalized.body }));
change.expect(file, { title, event: event.id, author: author.id, source });
change.create(kept, bytes);
const removed = normalized.removed.map((r) => r.line);
change.create(
  notes,
  `# What normalizing removed from or corrected in the capture ${kept}.
# The fidelity test checks every other sentence of the capture is on the report page.
${stringify({ removed, corrections: [] }, { lineWidth: 0 })}`,
);
change.expect(notes, { removed });
done.push(`Wrote ${file} (a draft), and kept the capture as ${kept} with ${notes}.`);
fixAndReport(file, change, done);

console.log(`\nRemoved ${normalized.removed.length} line${normalized.removed.length === 1 ? '' : 's'} of page chrome (listed in ${notes}):`);
for (const { line, what } of normalized.removed) console.log(`  - ${JSON.stringify(line)}  (${what})`);
if (topics.length) console.log(`\nProposed topics: ${topics.map((t) => `${t.topic} (${t.sections.join(', ')})`).join('; ')}. Keep, change or remove them.`);
const finder = createMentionFinder(registries.tools);
const eventWords = new Set(registries.events.flatMap((e) => `${e.name} ${e.shortName}`.split(/\W+/)));
const unknown = toolLikeNames(normalized.body).filter((name) => finder(name, true).length === 0 && !eventWords.has(name));
if (unknown.length) console.log(`\nTool-like names not in tools.yaml (add the real tools there, then run --fix): ${unknown.join(', ')}`);
console.log(nextSteps(file));
