/**
 * How the report pipeline reports bad content: each problem is kept on the file with its line
 * (`file.data.problems`). `npm run check` reads them all; inside Astro (strict mode) the pipeline
 * throws them as one error before the body is compiled, so nothing of a bad report runs or is published.
 */
import { relative } from 'node:path';
import type { VFile } from 'vfile';
import { formatProblems, type Problem } from '../lib/problems.ts';

interface Placed {
  position?: { start: { line: number } } | undefined;
}

declare module 'vfile' {
  interface DataMap {
    problems: Omit<Problem, 'file'>[];
  }
}

/** Records that `node` (or the file) is wrong: `message` is "expected …, found …; fix". */
export function addProblem(file: VFile, node: Placed | undefined, message: string, field = 'body') {
  (file.data.problems ??= []).push({ line: node?.position?.start.line, field, message });
}

/** Thrown once a problem is recorded after which nothing more can be read (the pipeline stops; the problem stands). */
export class Unreadable extends Error {}

/** The file's path as people see it: relative to the project. */
export const shownPath = (file: VFile) => (file.path ? relative(process.cwd(), file.path) : '(report)');

/** Throws every recorded problem as one error in our format; does nothing when there are none. */
export function throwProblems(file: VFile) {
  const problems = file.data.problems ?? [];
  if (problems.length) throw new Error(formatProblems(problems.map((p) => ({ file: shownPath(file), ...p }))));
}
