/**
 * The fuzz test (issue 18, "no input crashes a command"): a few hundred seeded mutants of the fixture
 * corpus (tests/helpers/fuzz.ts: truncation, unbalanced tags, brackets, quotes and fences, lines
 * duplicated or deleted, control characters, character references, CRLF/BOM/mixed endings, deep
 * nesting, random UTF-8 and invalid bytes) through the check and the report pipeline. Every outcome
 * must be success or problems in our format; never a thrown error, a stack trace, or a hang.
 *
 *   FUZZ_CASES=5000 node --test tests/unit/fuzz.test.ts      more cases
 *   FUZZ_SEED=123 FUZZ_CASES=1 node --test tests/unit/fuzz.test.ts   replay one case
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { replay } from '../helpers/fuzz.ts';

const cases = Number(process.env.FUZZ_CASES ?? 400);
const firstSeed = Number(process.env.FUZZ_SEED ?? 18_000);
/** A case that takes longer is a hang (a normal one takes well under a second, even on a busy machine). */
const limitMs = Number(process.env.FUZZ_CASE_MS ?? 20_000);

// Bodies with problems are never cached, but a valid mutant's would be: keep them out of the real cache.
const cache = mkdtempSync(join(tmpdir(), 'hallway-fuzz-cache-'));
process.env.HALLWAY_CACHE = cache;
after(() => rmSync(cache, { recursive: true, force: true }));

interface Outcome { seed: number; file?: string; applied?: string[]; problems?: number; failures: string[] }

/**
 * Runs `seeds` in a child process; a case that outlasts `limitMs` (a hang) or ends the process (a
 * crash) is recorded, and the rest go on in a fresh process.
 */
function run(seeds: number[]): Promise<Outcome[]> {
  return new Promise((resolve) => {
    const outcomes: Outcome[] = [];
    const start = (rest: number[]) => {
      if (!rest.length) return resolve(outcomes);
      const child = fork(fileURLToPath(new URL('../helpers/fuzz-worker.ts', import.meta.url)), { env: { ...process.env, FUZZ_SEEDS: JSON.stringify(rest) }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      let timer: NodeJS.Timeout | undefined;
      let current: number | undefined;
      let hung = false;
      child.on('message', (message: Outcome & { started?: boolean }) => {
        clearTimeout(timer);
        if (!message.started) {
          outcomes.push(message);
          current = undefined;
          return;
        }
        current = message.seed;
        timer = setTimeout(() => {
          hung = true;
          child.kill('SIGKILL');
        }, limitMs);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (current === undefined) return start(rest.filter((seed) => !outcomes.some((o) => o.seed === seed)));
        outcomes.push({ seed: current, failures: [hung ? `no outcome after ${limitMs / 1000} s (a hang)` : `the process ended (${signal ?? code}): ${stderr}`] });
        start(rest.slice(rest.indexOf(current) + 1));
      });
    };
    start(seeds);
  });
}

test(`${cases} mutants of the fixture corpus: success or problems in our format, never a crash or a hang`, { timeout: cases * limitMs }, async () => {
  const seeds = Array.from({ length: cases }, (_, i) => firstSeed + i);
  const outcomes = await run(seeds);
  const failed = outcomes.filter((o) => o.failures.length);
  const report = failed.map((o) => `seed ${o.seed} (${o.file ?? '?'}: ${o.applied?.join(', ') ?? '?'})\n  ${o.failures.join('\n  ').slice(0, 1500)}\n  ${replay(o.seed, 'tests/unit/fuzz.test.ts')}`);
  assert.deepEqual(report, [], `${failed.length} of ${cases} cases failed:\n${report.join('\n')}`);
  assert.equal(outcomes.length, cases, 'every case has an outcome');
  // The mutants must reach the parsers: most of them are refused, with a message.
  assert.ok(outcomes.filter((o) => o.problems).length > cases / 3, 'most mutants are refused with problems');
});
