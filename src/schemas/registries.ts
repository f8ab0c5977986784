import { z } from 'astro/zod';
import { describe, isoDate, text, unconfirmed, url } from './common.ts';

/** An IANA time zone such as "Europe/Madrid", as the runtime knows it. */
export const timeZone = text.refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `expected an IANA time zone such as "Europe/Madrid", found ${describe(issue.input)}` },
);

/** A local clock time "HH:MM" (24-hour), in the event's time zone. */
export const clockTime = z
  .string({ error: (issue) => `expected a quoted time "HH:MM", found ${describe(issue.input)}` })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: (issue) => `expected a time "HH:MM" between 00:00 and 23:59, found ${describe(issue.input)}` });

/**
 * A refinement for an entry whose `fields` may be absent only while listed in its `unconfirmed`
 * (ingest adds an event whose dates the post does not give, a tool nobody has described yet):
 * a missing value is never silent, and a person filling it in removes it from the list.
 */
const presentOrUnconfirmed =
  (fields: string[], what: Record<string, string>) =>
  (entry: Record<string, unknown> & { unconfirmed: string[] }, ctx: z.RefinementCtx) => {
    for (const field of fields) {
      if (entry[field] === undefined && !entry.unconfirmed.includes(field)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `expected ${what[field]}, found nothing; give it, or list ${field} in unconfirmed while it is not known` });
      }
    }
  };

/** An event a report can cover (`content/events.yaml`). */
export const eventSchema = z.strictObject({
  /** Full name, e.g. "KubeCon + CloudNativeCon Europe 2022". */
  name: text,
  /** Short name for lists and headings, e.g. "KubeCon EU 2022". */
  shortName: text,
  /** The recurring series, e.g. "kubecon-eu"; events of one series line up on the timeline. */
  series: text,
  /** Year it took place, e.g. 2022. */
  year: z.number().int().min(1990).max(2100),
  /** City, e.g. "Valencia"; a report's `city` must match it. Absent only while listed in `unconfirmed`. */
  city: text.optional(),
  /** Country, e.g. "Spain". Absent only while listed in `unconfirmed`. */
  country: text.optional(),
  /** First day, quoted, e.g. "2022-05-16"; absent only while listed in `unconfirmed`. */
  start: isoDate.optional(),
  /** Last day, quoted, e.g. "2022-05-20"; absent only while listed in `unconfirmed`. */
  end: isoDate.optional(),
  /** Venue, e.g. "Fira València". */
  venue: text.optional(),
  /** The time zone its programme's times are in, e.g. "Europe/Madrid" (written by import-schedule). */
  timezone: timeZone.optional(),
  /** Official page. */
  url: url.optional(),
  /** Attendance as reported, e.g. "over 7,000 on site". */
  attendance: text.optional(),
  /** Ids of events held alongside, e.g. [dok-day-eu-2022]. */
  coLocatedWith: z.array(z.string()).default([]),
  /** How it was held when that matters, e.g. "in person and online". */
  format: text.optional(),
  /** One sentence of ours about the event. */
  summary: text,
  /** Fields whose values are not confirmed, e.g. [venue]. */
  unconfirmed: unconfirmed(['venue', 'url', 'start', 'end', 'attendance', 'timezone', 'city', 'country']),
}).superRefine(
  presentOrUnconfirmed(['start', 'end', 'city', 'country'], { start: 'the first day "YYYY-MM-DD"', end: 'the last day "YYYY-MM-DD"', city: 'the city it was held in', country: 'the country it was held in' }),
);

/** A topic passages can be filed under (`content/topics.yaml`). */
export const topicSchema = z.strictObject({
  /** Display title, e.g. "Operators, CRDs and custom controllers". */
  title: text,
  /** One paragraph of ours saying what the topic covers. */
  summary: text,
  /** Ids of neighbouring topics, e.g. [operator-lifecycle]. */
  related: z.array(z.string()).default([]),
  /**
   * Words and phrases that carry the topic in a passage, e.g. [operator, CRD, custom resource]:
   * topic pages show the paragraphs with them (whole words, any case, plural "s" included) as the
   * key excerpt and mark them. Tools the summary names count too, without listing them here.
   */
  terms: z.array(text).optional(),
});

/**
 * How one spelling of a tool is found in report text, always as a whole word.
 * A plain string ignores case; `case: sensitive` keeps "Helm" from matching "helm";
 * `code: true` only matches inside `inline code` (for words like "bat").
 */
export const spellingSchema = z.union([
  text,
  z.strictObject({
    text,
    case: z.enum(['sensitive', 'insensitive']).default('insensitive'),
    code: z.boolean().default(false),
  }),
]);

/** A tool or project we detect in report text (`content/tools.yaml`). */
export const toolSchema = z.strictObject({
  /** Canonical name, e.g. "Argo CD". */
  name: text,
  /** Project homepage; absent only while listed in `unconfirmed` (ingest adds tools a post links to or not). */
  homepage: url.optional(),
  /** Category used to group the tools index, e.g. "CI/CD and GitOps". */
  category: text,
  /** One line of ours saying what it is; absent only while listed in `unconfirmed` (a tool ingest added). */
  description: text.optional(),
  /** CNCF maturity where it applies. */
  cncf: z.enum(['sandbox', 'incubating', 'graduated']).optional(),
  /** A short remark, e.g. "Later renamed Kubeshark". */
  note: text.optional(),
  /** Every spelling that counts as a mention; see `spellingSchema`. */
  match: z.array(spellingSchema).min(1, { error: 'expected at least one spelling to match' }),
  /** Fields whose values are not confirmed, e.g. [note]; ingest lists a guessed category and what it could not find. */
  unconfirmed: unconfirmed(['note', 'homepage', 'cncf', 'description', 'category']),
}).superRefine(presentOrUnconfirmed(['homepage', 'description'], { homepage: "the project's homepage (an http(s) URL)", description: 'one line of ours saying what it is' }));

/** A person: a speaker, a report author, or both (`content/people.yaml`). */
export const personSchema = z.strictObject({
  /** Full name as they write it, e.g. "Tasdik Rahman"; a first name alone when that is all we know. */
  name: text,
  /** e.g. "New Relic". */
  organisation: text.optional(),
  /** e.g. "Senior Software Engineer". */
  role: text.optional(),
  /** Handle without @, e.g. "vsupalov". */
  handle: text.optional(),
  /** Their own site. */
  url: url.optional(),
  /** Fields whose values are not confirmed, e.g. [organisation]. */
  unconfirmed: unconfirmed(['name', 'organisation', 'role', 'handle', 'url']),
});

/** What kind of session a talk was. */
export const talkKinds = ['talk', 'keynote', 'panel', 'fireside chat', 'SIG session', 'lightning talk', 'workshop'] as const;

/** A talk, panel or session that reports discuss (`content/talks.yaml`). */
export const talkSchema = z.strictObject({
  /** The title as the programme gave it; "Untitled talk on …" (with a `note`) when no report names it. */
  title: text,
  /** The programme's subtitle, when it gives one. */
  subtitle: text.optional(),
  /** The event it was given at, an id from events.yaml. */
  event: text,
  /** Ids from people.yaml, in programme order; empty when nobody knows. */
  speakers: z.array(text).default([]),
  /** One of talk, keynote, panel, fireside chat, SIG session, lightning talk, workshop. */
  kind: z.enum(talkKinds, { error: (i) => `expected one of ${talkKinds.join(', ')}, found ${describe(i.input)}` }),
  /** When it was on: a quoted date "2022-05-16" or free text such as "Day two, morning". */
  schedule: text.optional(),
  /** The day it was on, from the programme, quoted: "2022-05-18". */
  day: isoDate.optional(),
  /** When it started, local time in the event's `timezone`: "14:30". */
  start: clockTime.optional(),
  /** How long it ran, in minutes. */
  duration: z.number().int().min(1).max(24 * 60).optional(),
  /** The room as the programme names it, e.g. "Hall 8 | Room C". */
  room: text.optional(),
  /** The programme's track, e.g. "Operations + Performance". */
  track: text.optional(),
  /** The language it was given in, as a BCP 47 tag, e.g. "en". */
  language: text.optional(),
  /** The programme's abstract: the programme's words, never a report author's (shown and indexed as such). */
  abstract: text.optional(),
  /** The session's page in the published programme. */
  programme: url.optional(),
  /** The programme's own id for the session (Pretalx code, Sessionize id, iCalendar UID), for re-imports. */
  sessionId: text.optional(),
  /** The recording (http/https). */
  recording: url.optional(),
  /** The slides (http/https). */
  slides: url.optional(),
  /** What we know about it that the fields cannot say, e.g. why the title is missing. */
  note: text.optional(),
  /** Fields whose values are not confirmed, e.g. [recording]. */
  unconfirmed: unconfirmed(['title', 'speakers', 'kind', 'schedule', 'recording', 'slides', 'day', 'start', 'duration', 'room', 'track']),
});

export type PersonData = z.infer<typeof personSchema>;
export type TalkData = z.infer<typeof talkSchema>;
export type EventData = z.infer<typeof eventSchema>;
export type TopicData = z.infer<typeof topicSchema>;
export type ToolData = z.infer<typeof toolSchema>;
export type Spelling = z.infer<typeof spellingSchema>;

/** The closed lists other registry fields are checked against (`content/taxonomy.yaml`). */
export const taxonomySchema = z.strictObject({
  /** Event series: id → display name, e.g. `kubecon-eu: KubeCon + CloudNativeCon Europe`. */
  series: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a lower-case id such as kubecon-eu' }), text),
  /** The categories a tool can be filed under, e.g. "CI/CD and GitOps". */
  toolCategories: z.array(text).min(1, { error: 'expected at least one category' }),
});
export type TaxonomyData = z.infer<typeof taxonomySchema>;

/** What normalizing removed from or corrected in a kept capture (`content/sources/<report id>.yaml`). */
export const sourceNotesSchema = z.strictObject({
  /** Exact lines of the capture (trimmed) left out as page chrome, e.g. "Share this post". */
  removed: z.array(z.string()).default([]),
  /** Lines of the capture carried over in another form (a caption in an image's note, an embed as a link), e.g. "[iframe] https://…". */
  converted: z.array(z.string()).default([]),
  /** [captured text, text as it reads on the page], e.g. ["Namespase", "Namespace"]. */
  corrections: z.array(z.tuple([z.string(), z.string()])).default([]),
});
export type SourceNotes = z.infer<typeof sourceNotesSchema>;

/**
 * Another Hallway Track site whose search index our search page merges (`content/sites.yaml`).
 * Its server must let this site read its `pagefind/` files (CORS; see README, "Search across teams").
 */
export const siteSchema = z.strictObject({
  /** How its results and its value in the "Site" filter are labelled, e.g. "Platform team". */
  name: text,
  /** Its base URL, under which its pages and `pagefind/` folder are served, e.g. "https://platform.example/kb/". */
  url: url.refine((u) => u.endsWith('/') && !/[?#]/.test(u), {
    error: (issue) => `expected the site's base URL, ending in "/" (its search index is at <url>pagefind/), found ${describe(issue.input)}`,
  }),
});
export type SiteData = z.infer<typeof siteSchema>;
