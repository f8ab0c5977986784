/**
 * `npm run ingest -- <capture.txt|.html|.md> [--author "<name>"] [--url <original post>] [--event <id>] [--title …] [--id …]`
 * A captured blog post → a draft report in content/reports/, the capture kept in content/sources/.
 * See src/authoring/ingest.ts for what it changes; it prints every line it removed.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { stringify } from 'yaml';
import { addAuthor, asker, authorId, fail, fixAndReport, knownEvent, nextSteps, oneLine, refuseToOverwrite, soundRegistries } from '../src/authoring/cli.ts';
import { normalizeHtml, type HtmlCapture } from '../src/authoring/capture-html.ts';
import { badId, draftReport, eventFields, idFromTitle, personEntry, type NewEventMaybeUndated } from '../src/authoring/draft.ts';
import { addSeries } from '../src/authoring/series.ts';
import { guessEvent, normalizeMarkdown, normalizeText, type Normalized } from '../src/authoring/ingest.ts';
import { findTalks, planTalks, proposeEvent, proposeTools, proposeTopics, toolEntry } from '../src/authoring/propose.ts';
import { toYaml } from '../src/lib/yaml.ts';
import { eventSchema } from '../src/schemas/registries.ts';
import { Change } from '../src/authoring/writes.ts';
import { commandLine } from '../src/lib/command-line.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { createMentionFinder } from '../src/lib/mentions.ts';
import { readText } from '../src/lib/source-text.ts';
import { contentPaths } from '../src/paths.ts';

const usage = `Usage: npm run ingest -- <capture.txt|.html|.md> [--author "<name>"] [--url <original post URL>] [options]

Turns a captured blog post into a draft report, content/reports/<id>.mdx, and keeps the capture as
content/sources/<id>.txt (.html for a saved page, .md for Markdown) with the list of removed lines in content/sources/<id>.yaml.

  --author <who>      who wrote the post: a person id from content/people.yaml, or a name (a new
                      name is added to people.yaml); without it, the author a saved page names
  --url <URL>         the original post, credited on the page; without it, the address a saved
                      page gives (canonical link, og:url); with none, the report says it is unknown
  --event <id>        the event it covers, an id from content/events.yaml; without it the event is
                      guessed from the text, and the guess is printed
  --title "<title>"   the post's title; without it, the capture's first heading-like line
  --id <id>           the file name (default: from the title)
  --yes               add what it proposes for the registries without asking: an event the text
                      names that events.yaml lacks (dates it does not give left out and marked
                      unconfirmed) and its series when taxonomy.yaml lacks that too, the talks the
                      text names ("the talk “…” by A and B") and their speakers, and tool-like names
                      with a guessed category; in a terminal it asks, elsewhere it only lists them

A saved HTML page is read with rehype-parse and rehype-remark: its article is found (<article>,
<main>, articleBody, else the densest text block) and all around it is chrome; tables, code,
quotes, headings, lists, links and footnotes carry over; an embedded video or slide deck becomes a
link with its title, an image an editor's note; its title, author, date, address and site name
are read from the page. It removes page chrome (cookie banners, share buttons, newsletter and comment boxes, author cards,
related articles, footers, stray image names) and prints every line it removed; restores headings
and lists; escapes what MDX would read as code; proposes topics per section and tool-like names
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
    yes: { type: 'boolean' },
  },
});
const ask = asker('npm run ingest', values, usageError);
const capture = positionals[0] ?? usageError('<capture>', 'expected the path of a captured post, found nothing');
if (values.url !== undefined && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(values.url)) {
  fail(capture, '--url', `expected the original post's http(s) address (the page credits and links it), found ${values.url ? JSON.stringify(values.url) : 'nothing'}`);
}
if (values.url) oneLine(capture, '--url', values.url);

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
const html = kind === '.html' || kind === '.htm';
const markdown = kind === '.md' || kind === '.markdown';
const normalized: Normalized & Partial<HtmlCapture> = html
  ? normalizeHtml(text, values.title)
  : markdown
    ? normalizeMarkdown(text, values.title)
    : normalizeText(text, values.title);
const meta = normalized.meta ?? {};
const author = values.author ?? meta.author ?? usageError('--author', 'expected the name of the post\'s author, found nothing');
const url = values.url ?? meta.url;
const title = oneLine(capture, '--title', values.title ?? normalized.title ?? '');
if (!title) fail(capture, '--title', 'expected a title (none stands out in the capture), found nothing; pass --title');

const change = new Change();
const done: string[] = [];
/** Names that are not tools though a text may use them like one: the new event's, the author's, the speakers'. */
const notTools: string[] = [author];
/** Whether to write a proposal: --yes, else the answer in a terminal; no terminal and no --yes: no. */
const agreed = async (question: string) => values.yes === true || (await ask.confirm(question)) === true;

let eventId = values.event;
let event: { id: string; year: number; city?: string | undefined };
/** The event is read from the author's words and title, never from a page's source ("6&nbsp;March") or its chrome (a sidebar's other posts). */
const eventText = `${title}\n\n${normalized.body}`;
if (eventId === undefined) {
  const guess = guessEvent(eventText, registries.events);
  if (guess) {
    console.log(`Guessed the event: ${guess.id} (the text names ${guess.because}). Pass --event <id> if that is wrong.`);
    eventId = guess.id;
  } else {
    event = await newEventFromText(eventText);
  }
}
event ??= knownEvent(eventId!, registries.events, capture);

/**
 * An event the text names that events.yaml does not have (and its series, when taxonomy.yaml lacks
 * it): proposed, then added on confirmation, dates read from the text marked unconfirmed and dates
 * it does not give left out and marked unconfirmed. Nothing is guessed: without a year or a known
 * city the command stops and names the flags of `npm run new-event` to add it with.
 */
async function newEventFromText(text: string): Promise<{ id: string; year: number; city?: string | undefined }> {
  const proposal = proposeEvent(text, registries.taxonomy?.series ?? {}, registries.events);
  const addByHand = 'add the event first with `npm run new-event`, or pass --event <id>';
  if (!proposal) fail(capture, '--event', `expected the event the post covers; nothing in the text names one of content/events.yaml or a series (a name and a year, e.g. "Lantern Summit 2025") clearly. ${addByHand}`);
  const e = proposal.event;
  // What the text does not give of these is left out and listed unconfirmed; without a year there is no event to add.
  const unknown = proposal.missing.filter((f) => ['start', 'end', 'city', 'country'].includes(f));
  if (proposal.missing.length > unknown.length || events(e.id)) {
    const known = Object.entries({ id: e.id, series: e.series, name: e.name, 'short-name': e.shortName, city: e.city, country: e.country, start: e.start, end: e.end })
      .filter(([, v]) => v).map(([k, v]) => `--${k} ${JSON.stringify(v)}`).join(' ');
    fail(capture, '--event', `expected an event the text names fully, found ${events(e.id) ? `"${e.id}", already in events.yaml under that id` : `no ${proposal.missing.join(', ')} in the text`} (${proposal.because.join('; ')}); ${addByHand}: npm run new-event -- ${known}`);
  }
  const when = e.start ? ` from ${e.start} to ${e.end}` : ' (dates not confirmed)';
  const full: NewEventMaybeUndated = { ...(e as NewEventMaybeUndated), year: proposal.year, summary: `${e.name}${e.city ? `, held in ${e.city}` : ''}${when}.` };
  const fields = { ...eventFields(full), unconfirmed: [...proposal.unconfirmed, ...unknown] };
  const parsed = eventSchema.safeParse(fields);
  if (!parsed.success) fail(capture, '--event', `expected an event the schema accepts, found ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}; ${addByHand}`);
  const series = proposal.newSeries;
  if (series) console.log(`Proposed series (not in ${contentPaths.taxonomy} yet): ${series.id}: ${series.name}`);
  notTools.push(full.name, full.shortName, ...(series ? [series.name] : []));
  console.log(`The event is not in events.yaml. From the text (${proposal.because.join('; ')}):\n${toYaml({ [full.id]: fields }).replace(/^/gm, '  ')}`);
  if (unknown.length) console.log(`  (the text does not give ${unknown.join(', ')}: left out and marked unconfirmed)`);
  if (!(await agreed(`Add ${series ? `the series ${series.id} to ${contentPaths.taxonomy} and ` : ''}${full.id} to ${contentPaths.events}?`))) {
    fail(capture, '--event', `expected an event; the proposal above was not added (pass --yes to add it, or ${addByHand})`);
  }
  if (series) addSeriesToTaxonomy(series);
  change.append(contentPaths.events, `${toYaml({ [full.id]: fields })}\n`, { [full.id]: fields });
  done.push(`Added ${full.id} to ${contentPaths.events} (${fields.unconfirmed.length ? `${fields.unconfirmed.join(' and ')} marked unconfirmed; ` : ''}check them against the conference's site).`);
  return { id: full.id, year: fields.year, city: full.city };
}

/** The proposed series, as one new line under taxonomy.yaml's `series` (every other byte kept). */
function addSeriesToTaxonomy(series: { id: string; name: string }) {
  const raw = readFileSync(contentPaths.taxonomy, 'utf8');
  const added = addSeries(raw, series.id, series.name);
  if ('problem' in added) fail(contentPaths.taxonomy, 'series', added.problem);
  change.replace(contentPaths.taxonomy, raw, added.text, { series: { ...registries.taxonomy?.series, [series.id]: series.name } });
  done.push(`Added the proposed series ${series.id} ("${series.name}") to ${contentPaths.taxonomy}.`);
}

function events(id: string | undefined) {
  return id !== undefined && registries.events.some((ev) => ev.id === id);
}

const id = values.id ?? idFromTitle(title);
const why = badId(id);
if (why) fail(capture, '--id', why);
const file = join(contentPaths.reports, `${id}.mdx`);
// Kept under its kind: the fidelity test reads HTML and Markdown as text, by their parsers.
const kept = join(contentPaths.sources, `${id}.${html ? 'html' : markdown ? 'md' : 'txt'}`);
const notes = join(contentPaths.sources, `${id}.yaml`);
refuseToOverwrite([file, kept, notes]);
const person = authorId(author, registries.people);

const topics = proposeTopics(normalized.body, registries.topics, registries.tools);
const site = meta.site ?? (url ? new URL(url).hostname.replace(/^www\./, '') : 'a site the capture does not name');
const source = url ? { url, site } : { site };
addAuthor(person, change, done);
await addTalks();
await addTools();
change.create(file, draftReport({ title, event, author: person.id, source, published: meta.published, topics, body: normalized.body }));
change.expect(file, { title, event: event.id, author: person.id, source, ...(meta.published ? { published: meta.published } : {}) });
change.create(kept, bytes);
const removed = normalized.removed.map((r) => r.line);
const converted = (normalized.converted ?? []).map((r) => r.line);
change.create(
  notes,
  `# What normalizing removed from, converted in or corrected in the capture ${kept}.
# The fidelity test checks every other sentence of the capture is on the report page.
${stringify({ removed, ...(converted.length ? { converted } : {}), corrections: [] }, { lineWidth: 0 })}`,
);
change.expect(notes, { removed, ...(converted.length ? { converted } : {}) });
done.push(`Wrote ${file} (a draft), and kept the capture as ${kept} with ${notes}.`);
fixAndReport(file, change, done);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
if (html) {
  console.log(`\nKept ${plural(normalized.kept ?? 0, 'block')}, converted ${plural(converted.length, 'block')}, removed ${plural(removed.length, 'line')} of page chrome (all listed in ${notes}).`);
  console.log(`From the page: ${[['title', meta.title], ['author', meta.author], ['published', meta.published], ['address', meta.url], ['site', meta.site]].map(([k, v]) => `${k} ${v ? JSON.stringify(v) : 'not found'}`).join('; ')}.`);
  if (!url) console.log('No address of the original post anywhere (no --url, no canonical link or og:url): the report says it is unknown. Add source.url when you find it.');
}
if (normalized.converted?.length) {
  console.log(`\nConverted ${plural(converted.length, 'block')}:`);
  for (const { line, what } of normalized.converted) console.log(`  - ${JSON.stringify(line)}  (${what})`);
}
console.log(`\nRemoved ${plural(removed.length, 'line')} of page chrome (listed in ${notes}):`);
for (const { line, what } of normalized.removed) console.log(`  - ${JSON.stringify(line)}  (${what})`);
if (topics.length) console.log(`\nProposed topics, by their terms and tools in each section: ${topics.map((t) => `${t.topic} (${t.sections.join(', ')}: ${t.because.join(', ')})`).join('; ')}. Keep, change or remove them.`);
ask.close();
console.log(nextSteps(file));

/**
 * Tool-like names the text uses that tools.yaml lacks: listed, and on confirmation added with the
 * name as their one spelling, the category the sentences around them point to and the link the
 * text gives (both guesses, so unconfirmed) and no description (nobody has written one: the page
 * says "Not yet described"). A name without a guessed category, or whose id is taken, is only listed.
 */
async function addTools() {
  const finder = createMentionFinder(registries.tools);
  const names = [...registries.events.flatMap((e) => [e.name, e.shortName]), ...Object.values(registries.taxonomy?.series ?? {}), ...notTools];
  const notToolWords = new Set([...names, ...names.flatMap((n) => n.split(/\W+/))]);
  const unknown = proposeTools(normalized.body, (name) => finder(name, true).length > 0, registries.taxonomy?.toolCategories ?? [], notToolWords);
  if (!unknown.length) return;
  const taken = new Set(registries.tools.map((t) => t.id));
  const plans = unknown.map((t) => {
    const { id, entry } = toolEntry({ ...t, category: t.category ?? '' });
    const why = !t.category ? 'no category the text points to' : !id ? 'no id can be made of its name' : taken.has(id) ? `the id ${id} is another tool's` : undefined;
    if (!why) taken.add(id);
    return { t, id, entry, why };
  });
  console.log(`\nProposed tools (tool-like names not in ${contentPaths.tools}):`);
  for (const { t, id, why } of plans) {
    console.log(`  - ${why ? '' : `${id}: `}${t.name} (${t.why}${t.category ? `; category, guessed: ${t.category}` : ''}${t.homepage ? `; link in the text: ${t.homepage}` : ''})${why ? `; not added: ${why}, add it by hand if it is a tool` : ''}`);
  }
  const fresh = plans.filter((p) => !p.why);
  if (!fresh.length) return;
  if (!(await agreed(`Add ${fresh.length === 1 ? 'it' : `these ${fresh.length}`} to ${contentPaths.tools} (category and link guessed, no description yet; all marked unconfirmed)?`))) {
    console.log('Not added (pass --yes to add them); add the real tools with a line saying what each is, then run --fix.');
    return;
  }
  for (const { id, entry } of fresh) {
    change.append(contentPaths.tools, `${toYaml({ [id]: entry })}\n`, { [id]: entry });
  }
  done.push(`Added ${fresh.length} tool${fresh.length === 1 ? '' : 's'} to ${contentPaths.tools} (${fresh.map((p) => p.id).join(', ')}): write a line saying what each is, check the category and homepage, and remove the ones that are not tools.`);
}

/** The talks the text names for the event, with their speakers: listed, and added to talks.yaml (and people.yaml) on confirmation. */
async function addTalks() {
  const plans = planTalks(findTalks(normalized.body), event.id, registries.talks, registries.people);
  const fresh = plans.filter((p) => p.id);
  for (const p of plans.filter((p) => p.existing)) console.log(`The text names the talk ${p.existing} (“${p.mention.title}”): list it under talks: in the report.`);
  if (!fresh.length) return;
  console.log(`\nThe text names ${fresh.length} talk${fresh.length === 1 ? '' : 's'} that talks.yaml does not have:`);
  notTools.push(...fresh.flatMap((p) => p.speakers.map((s) => s.name)));
  for (const p of fresh) console.log(`  - ${p.id}: “${p.mention.title}” (${p.mention.kind}${p.speakers.length ? `, by ${p.speakers.map((s) => s.name).join(', ')}` : ''}), from: ${JSON.stringify(p.mention.as)}`);
  if (!(await agreed('Add them (title as the author wrote it, marked unconfirmed)?'))) {
    console.log('Not added (pass --yes to add them).');
    return;
  }
  for (const p of fresh) {
    for (const s of p.speakers.filter((s) => s.isNew)) {
      change.append(contentPaths.people, personEntry(s.id, s.name), { [s.id]: { name: s.name } });
      s.isNew = false;
    }
    const entry = { title: p.mention.title, event: event.id, speakers: p.speakers.map((s) => s.id), kind: p.mention.kind, note: `Named in the post as ${p.mention.as}`, unconfirmed: ['title', ...(p.speakers.length ? ['speakers'] : [])] };
    change.append(contentPaths.talks, `${toYaml({ [p.id!]: entry })}\n`, { [p.id!]: { ...entry } });
  }
  done.push(`Added ${fresh.length} talk${fresh.length === 1 ? '' : 's'} to ${contentPaths.talks}${fresh.some((p) => p.speakers.length) ? ' and their new speakers to people.yaml' : ''}.`);
}
