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

/** Problems in file, then line order. */
export const sortProblems = (problems: Problem[]) =>
  [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));

/** The problems as one readable block: a count, then one `file:line: field: message` per line. */
export function formatProblems(problems: Problem[]): string {
  const n = problems.length;
  return [`Content check failed (${n} problem${n === 1 ? '' : 's'}):`, ...sortProblems(problems).map(formatProblem)].join('\n');
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
