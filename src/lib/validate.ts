import { idPattern } from '../schemas/common.ts';
import { toolsOf, type ReportRecord } from '../schemas/record.ts';
import type { Ref, ReportData } from '../schemas/report.ts';
import type { Entries, Registry } from '../site/kinds.ts';
import type { Problem } from './problems.ts';
import { nearest } from './suggest.ts';

/** What the cross-checks need of a report: its parsed frontmatter and the pipeline's record of its body. */
export interface ReportInput {
  id: string;
  file: string;
  data: ReportData;
  record: ReportRecord;
}

/** The registries with pages (src/site/kinds.ts), each entry valid by its schema, and where each was read. */
export interface RegistryInput extends Entries {
  files: Record<Registry, string>;
  /** Registry files that had problems of their own: references into them are not checked (they would all look wrong). */
  unsound?: string[];
  /** The closed lists of content/taxonomy.yaml. */
  taxonomy: { file: string; series: string[]; toolCategories: string[] };
}

const list = (ids: Iterable<string>) => [...ids].map((id) => `"${id}"`).join(', ');
const day = (date: Date) => date.toISOString().slice(0, 10);

function checkRef(problems: Problem[], file: string, field: string, id: string, known: Set<string>, registry: string) {
  if (known.has(id)) return;
  const guess = nearest(id, known);
  problems.push({ file, field, message: `expected an id from ${registry}, found "${id}"${guess ? `; did you mean "${guess}"?` : ''}` });
}

function checkListed(problems: Problem[], file: string, field: string, value: string, known: string[], where: string) {
  if (known.includes(value)) return;
  const guess = nearest(value, known);
  problems.push({
    file,
    field,
    message: `expected one of the ${where}, found "${value}"${guess ? `; did you mean "${guess}"?` : `; add it to the list first (${list(known)})`}`,
  });
}

/**
 * The registries' own cross-checks: ids they point at exist, event dates run forwards, and the
 * fields with a closed list (event series, tool category) use it. Returns every problem; never throws.
 */
export function checkRegistries(registry: RegistryInput): Problem[] {
  const problems: Problem[] = [];
  const eventIds = new Set(registry.events.map((e) => e.id));
  const topicIds = new Set(registry.topics.map((t) => t.id));
  const { taxonomy } = registry;
  for (const event of registry.events) {
    event.coLocatedWith.forEach((id, i) =>
      checkRef(problems, registry.files.events, `${event.id}.coLocatedWith[${i}]`, id, eventIds, 'events.yaml'),
    );
    if (event.start && event.end && event.end < event.start) {
      problems.push({ file: registry.files.events, field: `${event.id}.end`, message: `expected a day on or after the start ("${day(event.start)}"), found "${day(event.end)}"` });
    }
    checkListed(problems, registry.files.events, `${event.id}.series`, event.series, taxonomy.series, `series in ${taxonomy.file}`);
  }
  for (const topic of registry.topics) {
    topic.related.forEach((id, i) => checkRef(problems, registry.files.topics, `${topic.id}.related[${i}]`, id, topicIds, 'topics.yaml'));
  }
  for (const tool of registry.tools) {
    checkListed(problems, registry.files.tools, `${tool.id}.category`, tool.category, taxonomy.toolCategories, `toolCategories in ${taxonomy.file}`);
  }
  const personIds = new Set(registry.people.map((p) => p.id));
  const sound = (file: string) => !registry.unsound?.includes(file);
  for (const talk of registry.talks) {
    if (sound(registry.files.events)) checkRef(problems, registry.files.talks, `${talk.id}.event`, talk.event, eventIds, 'events.yaml');
    if (sound(registry.files.people)) talk.speakers.forEach((id, i) => checkRef(problems, registry.files.talks, `${talk.id}.speakers[${i}]`, id, personIds, 'people.yaml'));
  }
  return problems;
}

/**
 * The report checks plain zod cannot express, because they look across collections or into the
 * body's record: file names are URL-safe ids, every referenced id exists (suggesting the nearest),
 * year and city agree with the event, the publication date is not long before the event, `tools`
 * is exactly the tools the record found, the author is a person, and topic and talk sections are
 * real headings (a talk also belongs to the report's event or one it also covers).
 * Returns every problem found; it does not throw and does not re-check what the schemas check.
 */
export function checkReports(reports: ReportInput[], registry: Entries): Problem[] {
  const problems: Problem[] = [];
  // Today where the day is furthest on (UTC+14), so a date that is today for its writer is never refused.
  const latest = day(new Date(Date.now() + 14 * 3_600_000));
  const events = new Map(registry.events.map((e) => [e.id, e]));
  const eventIds = new Set(events.keys());
  const topicIds = new Set(registry.topics.map((t) => t.id));
  const toolIds = new Set(registry.tools.map((t) => t.id));
  const personIds = new Set(registry.people.map((p) => p.id));
  const talks = new Map(registry.talks.map((t) => [t.id, t]));
  const talkIds = new Set(talks.keys());

  for (const { id, file, data, record } of reports) {
    if (!idPattern.test(id)) {
      problems.push({
        file,
        field: '(file name)',
        message: `expected lower-case words joined by hyphens, as it becomes the URL /reports/<name>/, found "${id}"`,
      });
    }
    checkRef(problems, file, 'event', data.event.id, eventIds, 'events.yaml');
    checkRef(problems, file, 'author', data.author.id, personIds, 'people.yaml');
    data.alsoCovers.forEach((ref, i) => checkRef(problems, file, `alsoCovers[${i}]`, ref.id, eventIds, 'events.yaml'));
    const event = events.get(data.event.id);
    if (event && data.year !== event.year) {
      problems.push({ file, field: 'year', message: `expected ${event.year} (the year of ${event.id}), found ${data.year}` });
    }
    if (event && data.city !== event.city) {
      const expected = event.city === undefined ? `no city (${event.id} has none confirmed yet)` : `"${event.city}" (the city of ${event.id})`;
      const fix = event.city === undefined ? '; remove it, or add the city to events.yaml' : '';
      problems.push({ file, field: 'city', message: `expected ${expected}, found ${data.city === undefined ? 'nothing' : `"${data.city}"`}${fix}` });
    }
    if (event?.start && data.published) {
      const earliest = new Date(event.start);
      earliest.setUTCFullYear(earliest.getUTCFullYear() - 1);
      if (data.published < earliest) {
        problems.push({
          file,
          field: 'published',
          message: `expected a date after "${day(earliest)}" (a report is written around its event, ${event.id} on "${day(event.start)}"), found "${day(data.published)}"`,
        });
      }
    }

    if (data.published && day(data.published) > latest && !data.scheduled) {
      problems.push({
        file,
        field: 'published',
        message: `expected a date not after today (${latest}), found "${day(data.published)}"; correct the date, or say why it is in the future in \`scheduled: "…"\``,
      });
    }

    data.tools.forEach((ref, i) => checkRef(problems, file, `tools[${i}]`, ref.id, toolIds, 'tools.yaml'));
    const listed = new Set(data.tools.map((t) => t.id).filter((t) => toolIds.has(t)));
    const mentioned = new Set(toolsOf(record));
    const missing = [...mentioned].filter((t) => !listed.has(t)).sort();
    const extra = [...listed].filter((t) => !mentioned.has(t)).sort();
    if (missing.length || extra.length) {
      const found = [
        missing.length ? `${list(missing)} mentioned in the text but not listed` : '',
        extra.length ? `${list(extra)} listed but never mentioned in the text` : '',
      ].filter(Boolean);
      const fix = [missing.length ? `add ${list(missing)}` : '', extra.length ? `remove ${list(extra)}` : ''].filter(Boolean);
      problems.push({ file, field: 'tools', message: `expected exactly the tools the text mentions, found ${found.join(', and ')}; ${fix.join(' and ')} (npm run check -- --fix does it)` });
    }

    const headings = new Set(record.sections.map((s) => s.id));
    // Topics and talks tie passages the same way: an id from their registry, once, and real headings.
    const tied = <K extends 'topic' | 'talk'>(key: K, entries: ({ sections: string[] } & Record<K, Ref>)[], known: Set<string>, registryFile: string, more?: (id: string, field: string) => void) => {
      const seen = new Set<string>();
      entries.forEach((entry, i) => {
        const ref = entry[key].id;
        checkRef(problems, file, `${key}s[${i}].${key}`, ref, known, registryFile);
        if (seen.has(ref)) problems.push({ file, field: `${key}s[${i}].${key}`, message: `expected each ${key} once, found "${ref}" again` });
        seen.add(ref);
        more?.(ref, `${key}s[${i}].${key}`);
        entry.sections.forEach((section, j) => {
          if (headings.has(section)) return;
          const guess = nearest(section, headings);
          problems.push({
            file,
            field: `${key}s[${i}].sections[${j}]`,
            message: `expected the id of a ## or ### heading in this report, found "${section}"${
              guess ? `; did you mean "${guess}"?` : `; the headings are ${list(headings)}`
            }`,
          });
        });
      });
    };
    tied('topic', data.topics, topicIds, 'topics.yaml');
    const covered = [data.event.id, ...data.alsoCovers.map((e) => e.id)];
    tied('talk', data.talks, talkIds, 'talks.yaml', (ref, field) => {
      const talk = talks.get(ref);
      if (talk && !covered.includes(talk.event)) {
        problems.push({ file, field, message: `expected a talk at ${covered.map((e) => `"${e}"`).join(' or ')} (the report's event${covered.length > 1 ? ' or alsoCovers' : ''}), found "${ref}", a talk at "${talk.event}"` });
      }
    });
  }
  return problems;
}
