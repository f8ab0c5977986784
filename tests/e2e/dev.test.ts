/**
 * `npm run dev` starts without a warning: a newcomer reads any warning as something broken. Starts
 * `astro dev` on a copy of the fixture corpus (127.0.0.1, a free port), fetches a few pages, stops it, and
 * reads everything it printed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { astroCacheDir } from '../../src/paths.ts';
import { FIXTURE_CONTENT, reportIds } from '../helpers/builds.ts';

// A copy of the fixture corpus, so the dev server's data store is its own, not the fixture builds'.
const content = mkdtempSync(join(tmpdir(), 'hallway-dev-'));
cpSync(FIXTURE_CONTENT, content, { recursive: true });
after(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(astroCacheDir(content, '/'), { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

test('astro dev serves pages and prints no warning', { timeout: 180_000 }, async (t) => {
  const port = await freePort();
  const dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, CONTENT_DIR: content },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [dev.stdout, dev.stderr]) stream.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = once(dev, 'close');
  try {
    const origin = `http://127.0.0.1:${port}`;
    while (!output.includes(origin)) {
      if (dev.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (/Another astro dev server is already running/.test(output)) return t.skip('another astro dev server runs in this folder');
    assert.ok(output.includes(origin), output);
    for (const path of ['/', `/reports/${reportIds(content)[0]}/`, '/search/']) {
      const response = await fetch(`${origin}${path}`);
      assert.equal(response.status, 200, path);
      await response.text();
    }
    // The search shortcut is read for the first page; give a late warning the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    dev.kill();
    await exited;
  }
  assert.doesNotMatch(output, /\[WARN\]|warning|cannot be analyzed/i, output);
});
