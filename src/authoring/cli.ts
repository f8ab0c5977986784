/**
 * What the authoring commands share: our error format, "never overwrite", and running
 * `npm run check -- --fix` on the new file in the same process.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { checkContent, readRegistries, type Registries } from '../check/index.ts';
import { fixReports } from '../check/fix.ts';
import { formatProblem, formatProblems } from '../lib/problems.ts';
import { nearest } from '../lib/suggest.ts';
import { contentPaths } from '../paths.ts';
import { appendEntry, badId, idFromTitle, personEntry } from './draft.ts';

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
  return fail(file, 'event', `expected an id from events.yaml, found "${id}"${guess ? `; did you mean "${guess}"?` : '; `npm run new-report` can add a new event'}`);
}

/** Runs `--fix` on one new report and prints what it wrote and what is left to do. */
export function fixAndReport(file: string) {
  const result = checkContent({ only: [file] });
  for (const change of fixReports(result)) console.log(`  fixed ${change}`);
  const left = checkContent({ only: [file] }).problems.filter((p) => p.file === file);
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
 * The person id for `--author`: an id from people.yaml, or a name already there (any case). A new
 * name is appended to people.yaml (nothing before it changes) and said so; role and organisation
 * can be added there later.
 */
export function authorId(given: string, people: { id: string; name: string }[]): string {
  const byId = people.find((p) => p.id === given);
  if (byId) return byId.id;
  const byName = people.find((p) => p.name.toLowerCase() === given.trim().toLowerCase());
  if (byName) return byName.id;
  const id = idFromTitle(given);
  const why = badId(id);
  if (why) fail(contentPaths.people, '--author', `expected a person id from people.yaml or a name, found "${given}"`);
  if (people.some((p) => p.id === id)) {
    fail(contentPaths.people, '--author', `expected a name that is not someone else's id, found "${given}" (the id "${id}" belongs to ${people.find((p) => p.id === id)!.name}); pass --author ${id} if it is them`);
  }
  writeFileSync(contentPaths.people, appendEntry(readFileSync(contentPaths.people, 'utf8'), personEntry(id, given.trim())));
  console.log(`Added ${given.trim()} to ${contentPaths.people} as "${id}" (add their role and organisation there if you like).`);
  return id;
}
