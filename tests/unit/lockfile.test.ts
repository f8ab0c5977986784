import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

/**
 * `npm ci` refuses a lockfile that lacks an optional dependency some package declares (another
 * platform's native binary), so a lockfile written on one machine must still hold every platform's.
 */
type Entry = { version?: string; optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { lockfileVersion: number; packages: Record<string, Entry> };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Node's resolution: the nearest node_modules/<name> walking up from the dependent's folder. */
function resolve(from: string, name: string): Entry | undefined {
  let dir = from;
  for (;;) {
    const hit = lock.packages[dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`];
    if (hit) return hit;
    if (!dir) return undefined;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

describe('package-lock.json', () => {
  test('holds every optional (platform) dependency any package declares, so npm ci accepts it anywhere', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {}).filter((name) => !resolve(path, name)).map((name) => `${path || '(root)'} → ${name}`));
    assert.deepEqual(missing, [], 'run `npm install` with a current npm and commit the lockfile it writes');
  });
  test('pins exactly the versions package.json names', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }))
      assert.equal(lock.packages[`node_modules/${name}`]?.version, version, name);
  });
});
