/**
 * Rules across collections (src/lib/validate.ts): ids exist, reports agree with their event, tools
 * match the text, sections are headings, registries point at each other and use the taxonomy.
 */
import type { Rule } from './rule.ts';

const validate = 'src/lib/validate.ts';
/** The first day that is not yet "today" anywhere (UTC+14), as validate.ts computes it. */
const today = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

export const knownId: Rule<{ registry: string; id: string; guess: string }> = {
  id: 'known-id',
  checks: "a report's event, alsoCovers, author, tools, topics and talks are ids of their registries",
  message: ({ registry, id, guess }) => `expected an id from ${registry}, found "${id}"; did you mean "${guess}"?`,
  example: { change: { report: (text) => text.replace('event: devconf-2031', 'event: devconf-2013') }, field: 'event', finding: { registry: 'events.yaml', id: 'devconf-2013', guess: 'devconf-2031' } },
  help: { shown: '`event: expected an id from events.yaml, found "kubecon-eu-2032"; did you mean …` (also `author`, from people.yaml)', fix: 'fix the typo, or add the event (`npm run new-event`) or person (`people.yaml`)' },
  enforcedBy: validate,
};

export const eventYearCity: Rule<{ expected: number; event: string; found: number }> = {
  id: 'event-year-city',
  checks: "a report's year and city are its event's",
  message: ({ expected, event, found }) => `expected ${expected} (the year of ${event}), found ${found}`,
  example: { change: { report: (text) => text.replace('year: 2031', 'year: 2030') }, field: 'year', finding: { expected: 2031, event: 'devconf-2031', found: 2030 } },
  help: { shown: '`year: expected 2022 (the year of …), found 2023` (also `city`)', fix: '`npm run check -- --fix`' },
  enforcedBy: validate,
};

export const toolsMatchText: Rule<{ missing: string }> = {
  id: 'tools-match-text',
  checks: "a report's tools are exactly the tools its text mentions",
  message: ({ missing }) => `expected exactly the tools the text mentions, found "${missing}" mentioned in the text but not listed; add "${missing}" (npm run check -- --fix does it)`,
  example: { change: { body: 'We used loomctl.' }, field: 'tools', finding: { missing: 'loomctl' } },
  help: { shown: '`tools: expected exactly the tools the text mentions, found "helm" mentioned in the text but not listed …`', fix: '`npm run check -- --fix`' },
  enforcedBy: validate,
};

export const sectionsAreHeadings: Rule<{ found: string; guess: string }> = {
  id: 'sections-are-headings',
  checks: 'the sections a report ties to a topic or talk are ids of its ## or ### headings',
  message: ({ found, guess }) => `expected the id of a ## or ### heading in this report, found "${found}"; did you mean "${guess}"?`,
  example: { change: { report: (text) => text.replace('sections: [hallway]', 'sections: [hallways]') }, field: 'topics[1].sections[0]', finding: { found: 'hallways', guess: 'hallway' } },
  help: { shown: '`topics[0].sections[1]: expected the id of a ## or ### heading …, found …` (also `talks[0].sections[1]`)', fix: 'use a heading id (the check lists them) or the heading text, then `--fix`' },
  enforcedBy: validate,
};

export const talkAtEvent: Rule<{ event: string; talk: string; at: string }> = {
  id: 'talk-at-event',
  checks: "a report's talks are talks at its event or an event it also covers",
  message: ({ event, talk, at }) => `expected a talk at "${event}" (the report's event), found "${talk}", a talk at "${at}"`,
  example: { change: { report: (text) => text.replace('topics:', 'talks:\n  - talk: loom-talk\n    sections: [hallway]\ntopics:') }, field: 'talks[0].talk', finding: { event: 'devconf-2031', talk: 'loom-talk', at: 'devconf-2032' } },
  help: { shown: '`talks[0].talk: expected a talk at "containerdays-2024" (the report\'s event), found "x", a talk at "kubecon-eu-2022"`', fix: 'tie the passage to a talk of this event, or add the other event to `alsoCovers`' },
  enforcedBy: validate,
};

export const registryIds: Rule<{ registry: string; id: string; guess: string }> = {
  id: 'registry-ids',
  checks: "registry entries' references (a talk's event and speakers, co-located events, related topics) exist",
  message: knownId.message,
  example: { change: { 'talks.yaml': (text) => text.replace('speakers: [bo-speaker]', 'speakers: [bo-speakr]') }, field: 'quiver-keynote.speakers[0]', finding: { registry: 'people.yaml', id: 'bo-speakr', guess: 'bo-speaker' } },
  help: { shown: '`x.speakers[0]: expected an id from people.yaml, found …` (in talks.yaml; also `x.event`)', fix: 'fix the id, or add the person (event) first' },
  enforcedBy: validate,
};

export const publishedNearEvent: Rule<{ earliest: string; event: string; start: string; found: string }> = {
  id: 'published-near-event',
  checks: "a report's publication date is not more than a year before its event",
  message: ({ earliest, event, start, found }) => `expected a date after "${earliest}" (a report is written around its event, ${event} on "${start}"), found "${found}"`,
  example: { change: { report: (text) => text.replace('published: "2031-03-10"', 'published: "2020-03-10"') }, field: 'published', finding: { earliest: '2030-03-04', event: 'devconf-2031', start: '2031-03-04', found: '2020-03-10' } },
  help: { shown: '`published: expected a date after …`', fix: 'a report is written around its event: check the year' },
  enforcedBy: validate,
};

export const publishedNotFuture: Rule<{ latest: string; found: string }> = {
  id: 'published-not-future',
  checks: 'a report\'s publication date is not in the future, unless `scheduled` says why',
  message: ({ latest, found }) => `expected a date not after today (${latest}), found "${found}"; correct the date, or say why it is in the future in \`scheduled: "…"\``,
  example: { change: { report: (text) => text.replace(/^scheduled: .*\n/m, '') }, field: 'published', get finding() { return { latest: today(), found: '2031-03-10' }; } },
  help: { shown: '`published: expected a date not after today (…), found "2031-04-01"`', fix: 'fix the date; a report dated ahead on purpose says why in `scheduled: "…"`' },
  enforcedBy: validate,
};

export const taxonomyLists: Rule<{ list: string; found: string; guess: string }> = {
  id: 'taxonomy-lists',
  checks: "an event's series and a tool's category are in taxonomy.yaml's lists",
  message: ({ list, found, guess }) => `expected one of the ${list} in taxonomy.yaml, found "${found}"; did you mean "${guess}"?`,
  example: { change: { 'events.yaml': (text) => text.replace('series: devconf\n  year: 2031', 'series: devcon\n  year: 2031') }, field: 'devconf-2031.series', finding: { list: 'series', found: 'devcon', guess: 'devconf' } },
  help: { shown: '`series: expected one of the series in taxonomy.yaml …` (also tool `category`)', fix: 'use a listed value, or add one to `taxonomy.yaml`' },
  enforcedBy: validate,
};
