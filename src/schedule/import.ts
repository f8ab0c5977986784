/**
 * One import, from a schedule file to the registry texts it leads to, without writing anything:
 * read the programme, find its event, plan the changes, and edit the registries' texts. The
 * command (scripts/import-schedule.ts) shows, asks and writes; tests call this directly.
 */
import { readFileSync } from 'node:fs';
import type { Problem } from '../lib/problems.ts';
import { normalized } from '../lib/line-endings.ts';
import { limits } from '../lib/source-text.ts';
import { contentPathsFor } from '../paths.ts';
import { applyToRegistry, lineDiff, registryDocument } from './edit.ts';
import { eventFor, expectedEntry, planImport, type Entries, type Plan } from './plan.ts';
import { knownZone, type Programme } from './programme.ts';
import { readProgramme } from './read.ts';

export interface Write {
  file: string;
  /** The bytes as read, and as they will be. */
  before: string;
  after: string;
  /** Every changed or added entry, as it must read back: id → fields. */
  expected: Record<string, unknown>;
}

export interface Prepared {
  programme?: Programme;
  plan?: Plan;
  writes: Write[];
  /** What stops the import: nothing is written when there is one. */
  problems: Problem[];
}

/** Imports `file` into the content folder `dir` (for `event`, else the event the programme names), on paper. */
export function prepareImport(file: string, dir: string, options: { event?: string; timezone?: string } = {}): Prepared {
  const paths = contentPathsFor(dir);
  const raw = { events: readFileSync(paths.events, 'utf8'), talks: readFileSync(paths.talks, 'utf8'), people: readFileSync(paths.people, 'utf8') };
  const docs = { events: registryDocument(normalized(raw.events)), talks: registryDocument(normalized(raw.talks)), people: registryDocument(normalized(raw.people)) };
  const entries = (key: keyof typeof raw) => (docs[key].toJS() ?? {}) as Entries;
  const registries = { events: entries('events'), talks: entries('talks'), people: entries('people') };
  const fail = (problems: Problem[], programme?: Programme): Prepared => ({ programme, writes: [], problems });

  if (options.timezone && !knownZone(options.timezone)) {
    return fail([{ file, field: '--timezone', message: `expected an IANA time zone such as "Europe/Madrid", found "${options.timezone}"` }]);
  }
  const given = options.event ? registries.events[options.event] : undefined;
  const { programme, problems } = readProgramme(file, options.timezone ?? (given?.timezone as string | undefined));
  if (!programme) return fail(problems);
  if (programme.timezone && !knownZone(programme.timezone)) {
    return fail([{ file, field: 'time zone', message: `expected an IANA time zone such as "Europe/Madrid", found "${programme.timezone}"; the programme's times cannot be placed` }], programme);
  }
  const { id: event, problem } = eventFor(programme, registries.events, file, options.event);
  if (!event) return fail([problem!], programme);
  const plan = planImport(programme, registries, event);
  const writes: Write[] = [];
  for (const key of ['events', 'talks', 'people'] as const) {
    const registry = plan[key];
    if (!registry.changed.size && !registry.added.size) continue;
    const ids = [...registry.changed.keys(), ...registry.added.keys()];
    writes.push({
      file: paths[key],
      before: raw[key],
      after: applyToRegistry(raw[key], docs[key], registry, paths[key]),
      expected: Object.fromEntries(ids.map((id) => [id, expectedEntry(registries[key], registry, id)])),
    });
  }
  // The check refuses a registry past its size limit; say so now rather than write and put back.
  const tooLarge = writes.filter((w) => Buffer.byteLength(w.after) > limits.fileBytes);
  const problemsOf = tooLarge.map((w) => ({
    file: w.file,
    field: '(file)',
    message: `expected at most ${limits.fileBytes.toLocaleString('en')} bytes after the import, found ${Buffer.byteLength(w.after).toLocaleString('en')}; nothing was written: import a programme of fewer sessions (e.g. only the days or tracks our reports cover)`,
  }));
  return problemsOf.length ? fail(problemsOf, programme) : { programme, plan, writes, problems: [] };
}

/** The writes as a diff, file by file. */
export const diffOf = (writes: Write[]) => writes.map((w) => lineDiff(w.file, w.before, w.after)).join('\n');

/** What the import found and will do, for people: the format, counts, each change and proposal, sessions left out. */
export function summaryOf(file: string, prepared: Prepared): string {
  const { programme, plan } = prepared;
  if (!programme || !plan) return '';
  const c = plan.counts;
  const newTalks = plan.talks.added.size;
  const lines = [
    `${file}: ${programme.format}${programme.title ? `, "${programme.title}"` : ''}${programme.start ? ` (${programme.start} to ${programme.end})` : ''}, for the event ${plan.event}`,
    `${c.sessions} session${c.sessions === 1 ? '' : 's'}: ${c.matched} matched a talk (${c.unchanged} already complete), ${newTalks} new, ${plan.proposals.length} proposed, not merged; ${c.breaks} break${c.breaks === 1 ? '' : 's'} and the like skipped, ${c.duplicates} duplicate${c.duplicates === 1 ? '' : 's'} skipped, ${programme.skipped.length} left out (below); ${plan.people.added.size} new ${plan.people.added.size === 1 ? 'person' : 'people'}`,
    ...plan.notes,
    ...plan.proposals,
    ...programme.skipped.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`),
  ];
  return lines.join('\n');
}
