import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { anchorsDir, chromiumPath, projectRoot } from '../../scripts/lib/machine.ts';
import { filesUnder } from '../../src/paths.ts';

describe('the bench finds the browser and the anchors on any machine', () => {
  test('no bench module names a path of one machine', () => {
    const files = [join(projectRoot, 'scripts', 'bench.ts'), ...filesUnder(join(projectRoot, 'scripts', 'bench'))];
    assert.ok(files.length > 5);
    const named = files.flatMap((f) => (/\/work\/|\/usr\/bin/.test(readFileSync(f, 'utf8')) ? [f] : []));
    assert.deepEqual(named, []);
  });
  test('the anchors are ANCHORS_DIR, else ../shared/anchors beside the repository', () => {
    assert.equal(projectRoot, resolve(dirname(new URL(import.meta.url).pathname), '..', '..'));
    assert.equal(anchorsDir({}), resolve(projectRoot, '..', 'shared', 'anchors'));
    assert.equal(anchorsDir({ ANCHORS_DIR: '/somewhere/anchors' }), '/somewhere/anchors');
  });
  test('Chromium is CHROMIUM when set, else found on PATH, else nothing', () => {
    assert.equal(chromiumPath({ CHROMIUM: '/opt/chromium/chrome' }), '/opt/chromium/chrome');
    const bin = mkdtempSync(join(tmpdir(), 'bench-machine-'));
    writeFileSync(join(bin, 'chromium'), '');
    const debian = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
    assert.equal(chromiumPath({ PATH: bin }), debian ?? join(bin, 'chromium'));
    assert.equal(chromiumPath({ PATH: join(bin, 'none') }), debian);
    rmSync(bin, { recursive: true });
  });
});
