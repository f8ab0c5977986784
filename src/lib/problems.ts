/** One thing wrong with the content, located by file, line (where known) and field. */
export interface Problem {
  file: string;
  /** 1-based line in `file`, when the problem has a place. */
  line?: number;
  /** The frontmatter field (`topics[2].sections[0]`), registry entry field, or `body`, `(file)`. */
  field: string;
  /** "expected …, found …", optionally followed by "; " and how to fix it. */
  message: string;
}

/** `file:line: field: message`, the one format every error of ours speaks. */
export const formatProblem = (p: Problem) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`;

/** Control and format characters (terminal escapes, bidi overrides), written as \u escapes. */
const escapeControls = (text: string) => text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
const capped = (text: string, max: number) => ([...text].length > max ? `${[...text].slice(0, max).join('')}…` : text);

/**
 * Text from a file, for a message: at most `max` characters, with control and format characters
 * escaped, so a message never carries more of a file than it needs, nor anything a terminal would
 * act on. `quoted` puts it in JSON quotes; `shown` is for a parser's message that quotes the file.
 */
export const quoted = (text: string, max = 60) => escapeControls(JSON.stringify(capped(text, max)));
export const shown = (text: string, max = 200) => escapeControls(capped(text, max));

/** Problems in file, then line order. */
export const sortProblems = (problems: Problem[]) =>
  [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));

/** The problems as one readable block: a count, then one `file:line: field: message` per line. */
export function formatProblems(problems: Problem[]): string {
  const n = problems.length;
  return [`Content check failed (${n} problem${n === 1 ? '' : 's'}):`, ...sortProblems(problems).map(formatProblem)].join('\n');
}

/**
 * An error whose whole text is `problems` in our format: it has no stack, which Astro would print
 * under the message ("Location", "Stack trace") as if the code had failed rather than the content.
 */
export function contentError(problems: Problem[]): Error {
  const error = new Error(formatProblems(problems));
  error.stack = '';
  return error;
}

/** Zod-style paths as a field name: ["topics", 2, "sections", 0] → "topics[2].sections[0]". */
export function fieldName(path: readonly PropertyKey[], prefix = ''): string {
  const name = path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
  return prefix + name || '(top level)';
}

/** The inverse of `fieldName`: "topics[2].sections[0]" → ["topics", 2, "sections", 0]. */
export function fieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}
