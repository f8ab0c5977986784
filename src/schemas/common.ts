import { z } from 'astro/zod';

/** Registry ids: lower-case words joined by hyphens, e.g. `kubecon-eu-2022`. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Describes a value for an error message: its type, and the value itself when it is short. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Date) return `an unquoted YAML date (${value.toISOString().slice(0, 10)})`;
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** True when `y-m-d` names a day that exists (no 2022-02-30, no 2022-13-45). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date written as a quoted string, e.g. `published: "2022-06-28"`.
 * Parses to a UTC `Date`. Unquoted YAML dates are refused: YAML rolls `2022-13-45` over into a
 * real date before we could see it, so only the quoted text can be checked.
 */
export const isoDate = z
  .string({
    error: (issue) =>
      issue.input instanceof Date
        ? `expected a quoted date such as "2022-06-28", found ${describe(issue.input)}; quote it, because YAML silently turns impossible dates like 2022-13-45 into real ones`
        : `expected a date "YYYY-MM-DD", found ${describe(issue.input)}`,
  })
  .refine(isCalendarDate, { error: (issue) => `expected a real calendar date "YYYY-MM-DD", found ${describe(issue.input)}` })
  .transform((text) => new Date(`${text}T00:00:00Z`));

/** An absolute http(s) URL, e.g. `https://www.containerdays.io/`. */
export const url = z.url({
  protocol: /^https?$/,
  error: (issue) => `expected an absolute http(s) URL, found ${describe(issue.input)}`,
});

/**
 * Characters no text may hold: C0 controls but tab, newline and carriage return; DEL and the C1
 * controls; lone surrogates. They are invisible, and a NUL makes the feed (XML) ill-formed.
 */
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first control character in `text`: its code point as "U+0000" and its index, or undefined when it has none. */
export function findControl(text: string): { code: string; index: number } | undefined {
  const match = control.exec(text);
  return match ? { code: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, index: match.index } : undefined;
}

/** The first control character in `text` and where, as `U+0000 after "First"`. */
function controlCharacter(text: string): string {
  const { code, index } = findControl(text)!;
  const before = text.slice(Math.max(0, index - 20), index).replace(/\s+/g, ' ').trimStart();
  return before ? `${code} after ${JSON.stringify(before)}` : `${code} at its start`;
}

/** What to do about a control character, in every message that reports one. */
export const controlFix = 'delete it (an invisible character, often pasted from a PDF or a terminal)';

/** A non-empty line of text, without control characters. */
export const text = z
  .string({ error: (issue) => `expected text, found ${describe(issue.input)}` })
  .trim()
  .min(1, { error: 'expected text, found an empty string' })
  .refine((value) => !control.test(value), {
    error: (issue) => `expected text without control characters, found ${controlCharacter(String(issue.input))}; ${controlFix}`,
  });

/** Names of fields whose values were inferred rather than confirmed; pages mark them “unconfirmed”. */
export const unconfirmed = <const T extends readonly [string, ...string[]]>(fields: T) =>
  z.array(z.enum(fields)).default([]);
