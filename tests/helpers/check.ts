/** The check over a made-up corpus (tests/helpers/corpus.ts), as people read it. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../src/check/index.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { corpus } from './corpus.ts';

/**
 * Every problem the check finds in the corpus with `changes` (only in the reports `only`, paths
 * inside the corpus, when given), as printed, with the temporary folder left out.
 */
export function checkProblems(changes: Parameters<typeof corpus>[0] = {}, only?: string[]): string[] {
  const dir = corpus(changes);
  try {
    const result = checkContent({ dir, ...(only && { only: only.map((file) => join(dir, file)) }) });
    return sortProblems(result.problems).map((p) => formatProblem(p).replace(`${dir}/`, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
