import { z } from 'astro/zod';
import { describe, isoDate, text, unconfirmed, url } from './common.ts';

/** A reference to another collection's entry; Astro's `reference()` in the site, a stand-in in unit tests. */
export type Ref = { id: string; collection: string };
export type RefFactory = (collection: 'events' | 'tools' | 'topics' | 'people' | 'talks') => z.ZodType<Ref>;

/** A reference outside Astro (the check, unit tests): the id as written, existence checked by `checkReports` (src/lib/validate.ts). */
export const idReference: RefFactory = (collection) =>
  z.string({ error: (i) => `expected an id from ${collection}.yaml, found ${describe(i.input)}` }).transform((id) => ({ id, collection }));

/** The frontmatter of a trip report (`content/reports/<slug>.mdx`). See content/README.md. */
export const reportSchema = (reference: RefFactory) =>
  z.strictObject({
    /** The original post's title, e.g. "KubeCon Europe 2018 Takeaways". */
    title: text,
    /** The event the report covers, an id from events.yaml, e.g. kubecon-eu-2022. */
    event: reference('events'),
    /** Co-located events it also covers, e.g. [dok-day-eu-2022]. */
    alsoCovers: z.array(reference('events')).default([]),
    /** The event's year, repeated so the file reads on its own; must equal the event's. */
    year: z.number({ error: (i) => `expected a year such as 2022, found ${describe(i.input)}` }).int(),
    /** The event's city, e.g. "Valencia"; must equal the event's (absent while the event's is not known). */
    city: text.optional(),
    /** Who wrote it: an id from people.yaml, e.g. tasdik-rahman (name, role and organisation live there). */
    author: reference('people'),
    /** Publication date, quoted: "2024-09-21". Leave out when unknown and say so in `publishedNote`. */
    published: isoDate.optional(),
    /** What we know about the date when it is not exact, e.g. "Written during the event". */
    publishedNote: text.optional(),
    /** Why `published` is after today, e.g. "Embargoed until the vendor's announcement"; a future date without it is refused as a typo. */
    scheduled: text.optional(),
    /** Work in progress: shown by `npm run dev`, left out of the built site, its feed and search. */
    draft: z.boolean().default(false),
    /** Where the original was published; leave out for a report written first-hand in Hallway Track. */
    source: z.strictObject({
      /** The original post; left out when the capture does not say (the page then says the address is unknown, never an invented one). */
      url: url.optional(),
      /** Site name, e.g. "vsupalov.com". */
      site: text,
      /** e.g. "An English translation of a French post." */
      note: text.optional(),
    }).optional(),
    /** Fields whose values are inferred, e.g. [source.url]. */
    unconfirmed: unconfirmed(['published', 'publishedNote', 'source.url']),
    /** One or two sentences of ours: what the reader will find. */
    summary: text,
    /** Exactly the tools.yaml entries whose spellings occur in the body. */
    tools: z.array(reference('tools')).default([]),
    /** Topics, each tied to the sections (heading ids) that discuss it; at least one unless `draft`. */
    topics: z
      .array(
        z.strictObject({
          topic: reference('topics'),
          sections: z.array(text).min(1, { error: 'expected at least one heading id' }),
        }),
      )
      .default([]),
    /** Talks the report discusses, each tied to the sections (heading ids) about it, like topics. */
    talks: z
      .array(
        z.strictObject({
          talk: reference('talks'),
          sections: z.array(text).min(1, { error: 'expected at least one heading id' }),
        }),
      )
      .default([]),
  });

export type ReportData = z.infer<ReturnType<typeof reportSchema>>;
