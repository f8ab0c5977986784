/**
 * What the report pipeline derives from a body, computed once (the steps of src/markdown/rehype/) and
 * read by everything else: the check and `--fix`, the cross-checks, the catalog, tool and topic
 * pages. The query layer parses it with `reportRecordSchema`, so a change here cannot go unnoticed.
 */
import { z } from 'astro/zod';

export const sectionSchema = z.strictObject({
  /** Heading id, e.g. "fireside-chat-with-kelsey-hightower". */
  id: z.string().min(1),
  /** 2 for `##`, 3 for `###`. */
  depth: z.number().int().min(2).max(3),
  title: z.string(),
  /** The `##` section a `###` one sits in. */
  parent: z.string().optional(),
  /** The section's HTML with its subsections, headings demoted two levels and without ids, for topic pages. */
  html: z.string(),
});

export const mentionSchema = z.strictObject({
  /** Tool id from tools.yaml. */
  tool: z.string(),
  /** Id of the innermost `##`/`###` section, or none for text before the first heading. */
  section: z.string().optional(),
  /** The sentence of the first mention of the tool in that section, spaces folded. */
  sentence: z.string(),
});

export const reportRecordSchema = z.strictObject({
  /** Every heading of the body, in order. */
  headings: z.array(z.strictObject({ id: z.string(), depth: z.number().int(), title: z.string(), line: z.number().int().optional() })),
  /** `##` and `###` sections, in order. */
  sections: z.array(sectionSchema),
  /** One mention per tool per section, in order of first appearance. */
  mentions: z.array(mentionSchema),
  /** Words in the `##` sections, for the reading time (src/lib/words.ts). */
  words: z.number().int().min(0),
  /**
   * Every link and image of the body that points into this site (root-relative, relative or a
   * `#fragment`), as written (before the base path is put in front), for the link check (src/lib/site-paths.ts).
   */
  links: z.array(z.strictObject({ url: z.string(), line: z.number().int().optional() })),
});

export type Section = z.infer<typeof sectionSchema>;
export type ToolMention = z.infer<typeof mentionSchema>;
export type SiteLink = ReportRecord['links'][number];
export type ReportRecord = z.infer<typeof reportRecordSchema>;

/** The tools a record mentions, in order of first mention. */
export const toolsOf = (record: ReportRecord) => [...new Set(record.mentions.map((m) => m.tool))];

/** Ids of `section` and of the sections inside it. */
export const sectionAndChildren = (record: ReportRecord, section: string) =>
  new Set([section, ...record.sections.filter((s) => s.parent === section).map((s) => s.id)]);
