/**
 * Publishing (src/lib/publish.ts): a failure at each step of the swap leaves the previous site
 * byte for byte; leftovers of killed builds are cleaned (or the set-aside site put back) and
 * ignored by git; a second build of the same folder stops while the first holds the lock.
 * Real folders in a temporary directory; failures injected through the fs argument.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { cleanLeftovers, lockBuild, lockFile, publish, type PublishFs } from '../../src/lib/publish.ts';

const root = fs.mkdtempSync(join(tmpdir(), 'hallway-publish-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every file under `dir` with its bytes, to compare a folder before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files[relative(dir, path)] = fs.readFileSync(path, 'base64');
  }
  return files;
}

let n = 0;
/** A folder with a previous site in `dist/` and a new one staged in `dist.partial/`. */
function sites() {
  const dir = join(root, `case-${(n += 1)}`);
  for (const [path, text] of Object.entries({
    'dist/index.html': 'old home',
    'dist/favicon.svg': '<svg/>',
    'dist/talks/a/index.html': 'old talk',
    'dist.partial/index.html': 'new home',
    'dist.partial/reports/x/index.html': 'new report',
  })) {
    fs.mkdirSync(join(dir, path, '..'), { recursive: true });
    fs.writeFileSync(join(dir, path), text);
  }
  return { dir, out: join(dir, 'dist'), staged: join(dir, 'dist.partial') };
}

/** node:fs whose `call` fails on its `nth` use (after removing one file, for rmSync: a removal failing half-way). */
function failing(call: 'renameSync' | 'rmSync', nth = 1): PublishFs {
  let calls = 0;
  return {
    existsSync: fs.existsSync,
    readdirSync: (path) => fs.readdirSync(path),
    renameSync: (from, to) => {
      if (call === 'renameSync' && (calls += 1) === nth) throw new Error(`EXDEV: injected failure, rename '${from}' -> '${to}'`);
      fs.renameSync(from, to);
    },
    rmSync: (path, options) => {
      if (call === 'rmSync' && (calls += 1) === nth) {
        fs.rmSync(join(path, 'favicon.svg'));
        throw new Error(`EBUSY: injected failure, rm '${path}'`);
      }
      fs.rmSync(path, options);
    },
  };
}

test('publishing swaps in the new site and removes the old one, leaving nothing beside it', () => {
  const { dir, out, staged } = sites();
  const next = snapshot(staged);
  assert.equal(publish(staged, out), undefined);
  assert.deepEqual(snapshot(out), next);
  assert.deepEqual(fs.readdirSync(dir), ['dist']);
});

test('a failure setting the old site aside leaves it byte for byte and says so', () => {
  const { out, staged } = sites();
  const before = snapshot(out);
  assert.throws(() => publish(staged, out, failing('renameSync', 1), 4242), {
    message: `${out}: publish: expected to set ${out}/ aside as ${out}.old-4242/, found EXDEV: injected failure, rename '${out}' -> '${out}.old-4242'; nothing was published, the previous ${out}/ is left as it was`,
  });
  assert.deepEqual(snapshot(out), before);
});

test('a failure renaming the new site in puts the old one back, byte for byte', () => {
  const { dir, out, staged } = sites();
  const before = snapshot(out);
  assert.throws(() => publish(staged, out, failing('renameSync', 2), 4242), {
    message: `${out}: publish: expected to rename ${staged}/ to ${out}/, found EXDEV: injected failure, rename '${staged}' -> '${out}'; nothing was published, the previous ${out}/ is left as it was`,
  });
  assert.deepEqual(snapshot(out), before);
  assert.ok(!fs.existsSync(join(dir, 'dist.old-4242')));
});

test('when putting the old site back fails too, the message says where it is and the next build restores it', () => {
  const { out, staged } = sites();
  const before = snapshot(out);
  const broken: PublishFs = { ...fs, renameSync: (from, to) => (from === out ? fs.renameSync(from, to) : assert.fail('injected')) };
  assert.throws(() => publish(staged, out, broken, 4242), /the previous site is in .*dist\.old-4242\/ \(the next build renames it back\)$/);
  assert.ok(!fs.existsSync(out));
  assert.deepEqual(cleanLeftovers(out), [
    `restored ${out}/ from ${out}.old-4242/, left by a build that was stopped while publishing`,
    `removed ${staged}/, left by an earlier build that was stopped`,
  ]);
  assert.deepEqual(snapshot(out), before);
});

test('a removal of the old site failing half-way leaves the new site complete and the old copy for the next build', () => {
  const { dir, out, staged } = sites();
  const next = snapshot(staged);
  assert.equal(publish(staged, out, failing('rmSync'), 4242),
    `The new site is in ${out}/, but the previous one could not be removed from ${out}.old-4242/ (EBUSY: injected failure, rm '${out}.old-4242'); the next build removes it.`);
  assert.deepEqual(snapshot(out), next);
  assert.deepEqual(cleanLeftovers(out), [`removed ${out}.old-4242/, left by an earlier build that was stopped`]);
  assert.deepEqual(fs.readdirSync(dir), ['dist']);
});

test('leftovers of killed builds are removed, other folders beside them are not', () => {
  const { dir, out } = sites();
  for (const name of ['dist.partial.search-part-1', 'dist.partial.search-part-2', 'dist.old-77', 'dist-kb.partial', 'dist.partial.keep', 'distx.old-1']) {
    fs.mkdirSync(join(dir, name));
  }
  assert.deepEqual(cleanLeftovers(out).map((line) => line.replace(`${dir}/`, '')), [
    'removed dist.old-77/, left by an earlier build that was stopped',
    'removed dist.partial/, left by an earlier build that was stopped',
    'removed dist.partial.search-part-1/, left by an earlier build that was stopped',
    'removed dist.partial.search-part-2/, left by an earlier build that was stopped',
  ]);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['dist', 'dist-kb.partial', 'dist.partial.keep', 'distx.old-1']);
});

test('git ignores the staging, the set-aside site, search parts and the lock', () => {
  const names = ['dist.partial', 'dist.partial.search-part-3', 'dist.old-123', 'dist.build-lock', 'dist-fixture.old-9'];
  const ignored = spawnSync('git', ['check-ignore', '--no-index', ...names.map((n) => `${n}/x`)], { encoding: 'utf8' });
  assert.deepEqual(ignored.stdout.trim().split('\n'), names.map((n) => `${n}/x`));
  assert.equal(spawnSync('git', ['check-ignore', '-q', 'dist.build-lock'], { encoding: 'utf8' }).status, 0);
});

test('a second build of the same folder stops with our message while the first holds the lock; a dead holder’s lock is taken over', () => {
  const out = join(root, 'locked', 'dist');
  const release = lockBuild(out);
  assert.equal(fs.readFileSync(lockFile(out), 'utf8'), `${process.pid}\n`);
  assert.throws(() => lockBuild(out, process.pid + 1), {
    message: `${out}.build-lock: build: expected no other build of ${out}/ running, found one (process ${process.pid}); wait for it to finish and build again, or delete ${out}.build-lock if no build is running`,
  });
  release();
  assert.ok(!fs.existsSync(lockFile(out)));
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  fs.writeFileSync(lockFile(out), `${dead}\n`);
  lockBuild(out, process.pid)();
  assert.ok(!fs.existsSync(lockFile(out)));
});
