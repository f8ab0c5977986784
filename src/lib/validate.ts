import { createMentionFinder, toolsMentionedIn, type Matchable } from './mentions.ts';
import { idPattern } from '../schemas/common.ts';
import { nearest } from './suggest.ts';

/** One thing wrong with the content, located by file and field. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

interface Ref {
  id: string;
}

/** What the cross-checks need of a report: its parsed frontmatter, raw body and heading ids. */
export interface ReportInput {
  id: string;
  file: string;
  data: {
    event: Ref;
    alsoCovers: Ref[];
    year: number;
    city: string;
    tools: Ref[];
    topics: { topic: Ref; sections: string[] }[];
  };
  body: string;
  headingIds: string[];
}

export interface RegistryInput {
  eventsFile: string;
  topicsFile: string;
  events: { id: string; year: number; city: string; coLocatedWith: string[] }[];
  topics: { id: string; related: string[] }[];
  tools: Matchable[];
}

const list = (ids: Iterable<string>) => [...ids].map((id) => `"${id}"`).join(', ');

function checkRef(
  problems: Problem[],
  file: string,
  field: string,
  id: string,
  known: Set<string>,
  registry: string,
) {
  if (known.has(id)) return;
  const guess = nearest(id, known);
  problems.push({
    file,
    field,
    message: `expected an id from ${registry}, found "${id}"${guess ? `; did you mean "${guess}"?` : ''}`,
  });
}

/**
 * The checks plain zod cannot express, because they look across collections or into the body:
 * report file names are URL-safe ids, every referenced id exists (suggesting the nearest), year and city agree with the event, the
 * `tools` list is exactly the tools mentioned in the body, and topic sections are real headings.
 * Returns every problem found; it does not throw and does not re-check what the schemas check.
 */
export function crossCheck(reports: ReportInput[], registry: RegistryInput): Problem[] {
  const problems: Problem[] = [];
  const events = new Map(registry.events.map((e) => [e.id, e]));
  const eventIds = new Set(events.keys());
  const topicIds = new Set(registry.topics.map((t) => t.id));
  const toolIds = new Set(registry.tools.map((t) => t.id));
  const findMentions = createMentionFinder(registry.tools);

  for (const event of registry.events) {
    event.coLocatedWith.forEach((id, i) =>
      checkRef(problems, registry.eventsFile, `${event.id}.coLocatedWith[${i}]`, id, eventIds, 'events.yaml'),
    );
  }
  for (const topic of registry.topics) {
    topic.related.forEach((id, i) =>
      checkRef(problems, registry.topicsFile, `${topic.id}.related[${i}]`, id, topicIds, 'topics.yaml'),
    );
  }

  for (const { id, file, data, body, headingIds } of reports) {
    if (!idPattern.test(id)) {
      problems.push({
        file,
        field: '(file name)',
        message: `expected lower-case words joined by hyphens, as it becomes the URL /reports/<name>/, found "${id}"`,
      });
    }
    checkRef(problems, file, 'event', data.event.id, eventIds, 'events.yaml');
    data.alsoCovers.forEach((ref, i) =>
      checkRef(problems, file, `alsoCovers[${i}]`, ref.id, eventIds, 'events.yaml'),
    );
    const event = events.get(data.event.id);
    if (event && data.year !== event.year) {
      problems.push({ file, field: 'year', message: `expected ${event.year} (the year of ${event.id}), found ${data.year}` });
    }
    if (event && data.city !== event.city) {
      problems.push({ file, field: 'city', message: `expected "${event.city}" (the city of ${event.id}), found "${data.city}"` });
    }

    data.tools.forEach((ref, i) => checkRef(problems, file, `tools[${i}]`, ref.id, toolIds, 'tools.yaml'));
    const listed = new Set(data.tools.map((t) => t.id).filter((id) => toolIds.has(id)));
    const mentioned = toolsMentionedIn(body, findMentions);
    const missing = [...mentioned].filter((id) => !listed.has(id)).sort();
    const extra = [...listed].filter((id) => !mentioned.has(id)).sort();
    if (missing.length || extra.length) {
      const parts = [
        missing.length ? `add ${list(missing)} (mentioned in the text but not listed)` : '',
        extra.length ? `remove ${list(extra)} (listed but never mentioned in the text)` : '',
      ].filter(Boolean);
      problems.push({
        file,
        field: 'tools',
        message: `expected exactly the tools the text mentions: ${parts.join('; ')}`,
      });
    }

    const headings = new Set(headingIds);
    const seen = new Set<string>();
    data.topics.forEach(({ topic, sections }, i) => {
      checkRef(problems, file, `topics[${i}].topic`, topic.id, topicIds, 'topics.yaml');
      if (seen.has(topic.id)) {
        problems.push({ file, field: `topics[${i}].topic`, message: `expected each topic once, found "${topic.id}" again` });
      }
      seen.add(topic.id);
      sections.forEach((section, j) => {
        if (headings.has(section)) return;
        const guess = nearest(section, headings);
        problems.push({
          file,
          field: `topics[${i}].sections[${j}]`,
          message: `expected the id of a heading in this report, found "${section}"${
            guess ? `; did you mean "${guess}"?` : `; the headings are ${list(headings)}`
          }`,
        });
      });
    });
  }
  return problems;
}

/** The problems as one readable block: `file: field: message`, one per line. */
export function formatProblems(problems: Problem[]): string {
  const lines = problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`);
  return `Content check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}

/** Schema issues (zod's `error.issues`) as problems of one file: the path becomes the field. */
export function schemaProblems(
  file: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): Problem[] {
  return issues.map((issue) => ({
    file,
    field:
      prefix +
        issue.path
          .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
          .join('') || '(top level)',
    message: issue.message,
  }));
}
