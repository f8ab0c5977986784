/**
 * The fuzz test's mutants (tests/helpers/fuzz.ts) through a real `npm run build` (scripts/build.ts):
 * a few of them, on a copy of the fixture corpus cut to three reports, into a temporary OUT_DIR.
 * Each build succeeds, or fails with problems in our format and nothing else: no stack trace, no
 * framework wording. `FUZZ_BUILDS=20` builds more; `FUZZ_SEED=… FUZZ_BUILDS=1` replays one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { misreported, mutant, replay, writeMutant } from '../helpers/fuzz.ts';

const builds = Number(process.env.FUZZ_BUILDS ?? 3);
const firstSeed = Number(process.env.FUZZ_SEED ?? 18_500);
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  for (const name of readdirSync('node_modules/.astro', { withFileTypes: true })) {
    if (name.name.includes('hallway-fuzz')) rmSync(join('node_modules/.astro', name.name), { recursive: true, force: true });
  }
});

/** The seeds to build: mutants of a report, whose body reaches every parser (found from `firstSeed` on). */
function reportSeeds(): number[] {
  const seeds: number[] = [];
  for (let seed = firstSeed; seeds.length < builds; seed++) if (mutant(seed).file.startsWith('reports/')) seeds.push(seed);
  return seeds;
}

for (const seed of reportSeeds()) {
  test(`a build of mutant ${seed} succeeds or says what is wrong in our format`, { timeout: 180_000 }, () => {
    const m = mutant(seed);
    const dir = writeMutant(m);
    made.push(dir);
    // Three reports: the mutant and two others, so the build stays small.
    const others = readdirSync(join(dir, 'reports')).filter((name) => name.endsWith('.mdx') && `reports/${name}` !== m.file);
    for (const name of others.slice(2)) rmSync(join(dir, 'reports', name));
    // Kept captures belong to a report: without it they are a problem of their own, not the mutant's.
    if (!readdirSync(join(dir, 'reports')).includes('lantern-2019-field-notes.mdx')) rmSync(join(dir, 'sources'), { recursive: true, force: true });
    const out = mkdtempSync(join(tmpdir(), 'hallway-fuzz-out-'));
    made.push(out);
    const result = spawnSync(process.execPath, ['scripts/build.ts', '--silent'], {
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, CONTENT_DIR: dir, OUT_DIR: join(out, 'dist'), HALLWAY_CACHE: join(out, 'cache') },
    });
    const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    const how = `${m.file}: ${m.applied.join(', ')}; ${replay(seed, 'tests/site/fuzz-build.test.ts').replace('FUZZ_CASES', 'FUZZ_BUILDS')}\n${output}`;
    assert.notEqual(result.signal, 'SIGTERM', `the build hung\n${how}`);
    if (result.status === 0) return;
    const problems = output.split('\n').filter((line) => line.startsWith(dir));
    assert.ok(problems.length > 0, `a failed build names its problems\n${how}`);
    assert.deepEqual(misreported(problems), [], how);
    assert.doesNotMatch(output, /^\s+at |Stack trace|\*\*\*\*/m, how);
  });
}
