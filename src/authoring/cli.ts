/**
 * What the authoring commands share: our error format, "never overwrite", one-line values, and
 * running `npm run check -- --fix` on the new file in the same process.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { checkContent, readRegistries, type Registries } from '../check/index.ts';
import { fixReports } from '../check/fix.ts';
import { formatProblem, formatProblems } from '../lib/problems.ts';
import { nearest } from '../lib/suggest.ts';
import { contentPaths } from '../paths.ts';
import { badId, idFromTitle, notOneLine, personEntry } from './draft.ts';
import type { Change } from './writes.ts';

/** Prints `file: field: message` (our format) and exits 1. */
export function fail(file: string, field: string, message: string): never {
  console.error(`${file}: ${field}: ${message}`);
  process.exit(1);
}

/** The registries, or their problems printed and exit 1: a new report cannot be checked against broken ones. */
export function soundRegistries(): Registries {
  const registries = readRegistries();
  if (registries.problems.length) {
    console.error(`${formatProblems(registries.problems)}\n\nFix the registries first (npm run check).`);
    process.exit(1);
  }
  return registries;
}

/** Refuses, before anything is written, when any of `paths` exists. */
export function refuseToOverwrite(paths: string[]) {
  const taken = paths.filter((p) => existsSync(p));
  if (taken.length) {
    fail(taken[0]!, '(file)', `expected a new file, found one already there${taken.length > 1 ? ` (and ${taken.slice(1).join(', ')})` : ''}; nothing was written: choose another --id or title`);
  }
}

/** An event id that exists, or our error with the nearest one. */
export function knownEvent<T extends { id: string }>(id: string, events: T[], file: string): T {
  const event = events.find((e) => e.id === id);
  if (event) return event;
  const guess = nearest(id, events.map((e) => e.id));
  return fail(file, 'event', `expected an id from events.yaml, found "${id}"${guess ? `; did you mean "${guess}"?` : '; `npm run new-event` adds a new event'}`);
}

export interface Ask {
  /** The value of `flag` (one line), asked for in a terminal, or our error naming the flag. */
  need(flag: string, question: string): Promise<string>;
  /** The value of `flag`, or asked for in a terminal where Enter means none. */
  maybe(flag: string, question: string): Promise<string | undefined>;
}

/**
 * Reads the values a command was not given as flags: asked for in a terminal (an empty answer asks
 * again), else a usage error naming the flag. Every value must be one line of text.
 */
export function asker(command: string, values: Record<string, unknown>, usageError: (field: string, message: string) => never) {
  const prompt = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const given = (flag: string) => (typeof values[flag] === 'string' ? (values[flag] as string).trim() : '');
  const ask: Ask & { confirm(question: string): Promise<boolean | undefined>; close(): void } = {
    async need(flag, question) {
      if (given(flag)) return oneLine(command, `--${flag}`, given(flag));
      if (!prompt) usageError(`--${flag}`, `expected ${question}, found nothing (not in a terminal, so nothing can be asked)`);
      const answer = (await prompt.question(`${question}: `)).trim();
      return answer ? oneLine(command, `--${flag}`, answer) : ask.need(flag, question);
    },
    async maybe(flag, question) {
      const answer = given(flag) || (prompt ? (await prompt.question(`${question}: `)).trim() : '');
      return answer ? oneLine(command, `--${flag}`, answer) : undefined;
    },
    /** Undefined when there is no terminal to ask. */
    async confirm(question) {
      return prompt ? (await prompt.question(`${question} [Y/n] `)).trim().toLowerCase() !== 'n' : undefined;
    },
    close: () => prompt?.close(),
  };
  return ask;
}

/** `value` when it is one line of text, else our error naming `field` (e.g. `--title`). */
export function oneLine(file: string, field: string, value: string): string {
  const why = notOneLine(value);
  return why ? fail(file, field, why) : value;
}

/**
 * Runs `--fix` on one new report, reads back everything `change` wrote (undoing it all on a
 * problem), then prints `done` (what was written), what `--fix` changed and what is left to do.
 */
export function fixAndReport(file: string, change: Change, done: string[]) {
  const fixed = fixReports(checkContent({ only: [file] }));
  const left = change.readBack(file);
  for (const line of done) console.log(line);
  for (const line of fixed) console.log(`  fixed ${line}`);
  if (left.length) {
    console.log(`\nStill to do in ${file} (\`npm run check\` lists these again):`);
    for (const problem of left) console.log(`  ${formatProblem(problem)}`);
  }
}

export const nextSteps = (file: string) => `
Next:
  1. Edit ${file}: the summary, the text, and the topics (sections may be written as heading text).
  2. npm run check -- --fix     writes tools, year, city and section ids; lists what is left
  3. npm run dev                shows the draft at /reports/<id>/
  4. Remove "draft: true", then npm run build (or open a pull request).`;

/**
 * The person for `--author`: an id from people.yaml, or a name already there (any case). A new
 * name comes back with its entry for people.yaml (`added`, appended by the command with the rest
 * of its writes); role and organisation can be added there later.
 */
export function authorId(given: string, people: { id: string; name: string }[]): { id: string; added?: { entry: string; name: string } } {
  const byId = people.find((p) => p.id === given);
  if (byId) return { id: byId.id };
  const name = oneLine(contentPaths.people, '--author', given.trim());
  const byName = people.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (byName) return { id: byName.id };
  const id = idFromTitle(name);
  const why = badId(id);
  if (why) fail(contentPaths.people, '--author', `expected a person id from people.yaml or a name, found "${given}"`);
  if (people.some((p) => p.id === id)) {
    fail(contentPaths.people, '--author', `expected a name that is not someone else's id, found "${given}" (the id "${id}" belongs to ${people.find((p) => p.id === id)!.name}); pass --author ${id} if it is them`);
  }
  return { id, added: { entry: personEntry(id, name), name } };
}

/** Appends a new author (from `authorId`) to people.yaml as part of `change`; says so in `done`. */
export function addAuthor(author: ReturnType<typeof authorId>, change: Change, done: string[]) {
  if (!author.added) return;
  change.append(contentPaths.people, author.added.entry, { [author.id]: { name: author.added.name } });
  done.push(`Added ${author.added.name} to ${contentPaths.people} as "${author.id}" (add their role and organisation there if you like).`);
}
