/**
 * What a check rule is (the list is src/check/rules/index.ts). A rule is a named unit: an id, what
 * it checks, its message as a function of what was found, and a failing example, a tiny input it
 * must refuse with that message (tests/unit/rules.test.ts runs every example through the check).
 *
 * Rules the check runs itself have `report`; the others are enforced where the thing they check is
 * read (a zod schema, the body's guard, the cross-collection checks, the file reader: `enforcedBy`)
 * and are listed so that every rule has one place, one id and a tested example and message.
 */
import type { ReportData } from '../../schemas/report.ts';
import type { ReportRecord } from '../../schemas/record.ts';
import type { Problem } from '../../lib/problems.ts';

/** One report as a rule sees it: its body, and its frontmatter and record when they could be read. */
export interface ReportContext {
  file: string;
  body: string;
  /** Valid frontmatter, or undefined when the schema refused it. */
  data?: ReportData;
  /** The pipeline's record, or undefined when the body could not be parsed. */
  record?: ReportRecord;
  /** The line of a frontmatter field in the file. */
  lineOf(path: (string | number)[]): number | undefined;
}

/**
 * A failing example: what to change in a small valid content folder (tests/helpers/corpus.ts) so
 * that the rule fires. `body` is text added to its report's body, `report` an edit of that
 * report's whole text; any other key is a file of the folder (its new text, or an edit of it).
 */
export interface Example<F> {
  change: Record<string, string | ((text: string) => string)>;
  /** Links (symlinks) to add: path in the folder → target. */
  links?: Record<string, string>;
  /** How the changed files are written (default UTF-8). */
  encoding?: 'latin1';
  /** The field the problem is reported on, and what the example makes the rule find. */
  field: string;
  finding: F;
}

export interface Rule<F = unknown> {
  /** Short, stable, kebab-case: `npm run check -- --list` prints it. */
  id: string;
  /** What it checks, in one line. */
  checks: string;
  /** The message (after `file:line: field: `) for what was found. */
  message(finding: F): string;
  example: Example<F>;
  /** content/README.md's error table: the message as shown there (shortened) and what to do. */
  help: { shown: string; fix: string };
  /** The module that enforces it, when the check does not run it itself. */
  enforcedBy?: string;
  /** Run by the check (and so by every build) on each report it reads. */
  report?(report: ReportContext): Omit<Problem, 'file'>[];
}

/** Each line of a body outside fenced code blocks (list, heading and quote markers removed), with its 1-based number. */
export function proseLines(body: string): { line: number; text: string }[] {
  let fence = false;
  return body.split('\n').flatMap((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fence = !fence;
    return fence ? [] : [{ line: i + 1, text: raw.replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/, '').trim() }];
  });
}
