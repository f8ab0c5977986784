/**
 * A child process of tests/unit/fuzz.test.ts (a process, not a thread: a crash of V8 itself, or a
 * kill after a hang, ends this process only): runs `npm run check`'s checkContent (which renders
 * every body through the report pipeline, as the site's loader does) on the mutant of each seed it
 * is given, and says what was wrong. It says when each case starts, so the test can stop a hang.
 */
import { rmSync } from 'node:fs';
import { checkContent } from '../../src/check/index.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { misreported, mutant, writeMutant } from './fuzz.ts';

const send = (message: object) => new Promise((resolve) => process.send!(message, resolve));

for (const seed of (JSON.parse(process.env.FUZZ_SEEDS!) as number[])) {
  const m = mutant(seed);
  await send({ seed, started: true });
  const dir = writeMutant(m);
  let failures: string[];
  let problems = 0;
  try {
    const lines = checkContent({ dir }).problems.map(formatProblem);
    problems = lines.length;
    failures = misreported(lines);
  } catch (error) {
    failures = [`threw: ${(error as Error).stack || String(error)}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await send({ seed, file: m.file, applied: m.applied, problems, failures });
}
