/**
 * The nginx and Caddy configurations `npm run deploy-config` writes, tested by running them: for
 * the fixture builds at / and under /kb/, each server is configured for a free port on 127.0.0.1,
 * started as a foreground process with its pid and logs in a temp folder, and asked for every kind
 * of file; Chromium then opens every kind of page (no CSP violation, no console error) and
 * searches. `npm test` installs nginx and caddy (scripts/test.ts) and builds the fixtures.
 *
 * The served folder is the build's files as symlinks plus one `probe.wasm`, so the .wasm type is
 * checked without writing into the shared build.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, open } from '../helpers/browser.ts';
import { fixture, fixtureKb, type Build } from '../helpers/builds.ts';

const HUB = 'https://hub.example';
const YEAR = 'public, max-age=31536000, immutable';
const servers = ['nginx', 'caddy'] as const;
const binary = { nginx: '/usr/sbin/nginx', caddy: '/usr/bin/caddy' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

interface Running {
  origin: string;
  /** Origin and base, e.g. http://127.0.0.1:41234/kb/ */
  url: string;
  stop(): Promise<void>;
}

/** Writes the config for `site` with the command people run, starts the server, waits until it answers. */
async function start(kind: (typeof servers)[number], site: Build): Promise<Running> {
  const tmp = mkdtempSync(join(tmpdir(), `hallway-${kind}-`));
  chmodSync(tmp, 0o755); // nginx's workers run as nobody
  const root = join(tmp, 'site');
  // A copy, not links: nginx's workers run as nobody, who may not enter the checkout (a clone made
  // with mktemp -d is mode 700).
  cpSync(site.dir, root, { recursive: true });
  writeFileSync(join(root, 'probe.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  const port = await freePort();
  const conf = join(tmp, kind === 'nginx' ? 'nginx.conf' : 'Caddyfile');
  const written = spawnSync(process.execPath, ['scripts/deploy-config.ts', '--host', kind, '--dist', root, '--out', conf, '--listen', `127.0.0.1:${port}`, '--cors', HUB], { encoding: 'utf8' });
  assert.equal(written.status, 0, `deploy-config failed: ${written.stderr}`);
  const args =
    kind === 'nginx'
      ? ['-p', tmp, '-c', conf, '-e', 'stderr', '-g', `pid ${join(tmp, 'nginx.pid')}; daemon off;`]
      : ['run', '--config', conf, '--adapter', 'caddyfile'];
  const child: ChildProcess = spawn(binary[kind], args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp },
  });
  let log = '';
  child.stderr!.on('data', (chunk) => (log += chunk));
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) assert.fail(`${kind} exited (${child.exitCode}): ${log}`);
    if (await fetch(`${origin}${site.base}`).then(() => true, () => false)) break;
    if (tries > 100) assert.fail(`${kind} did not answer on ${origin}: ${log}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    origin,
    url: `${origin}${site.base}`,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** One page of every kind: the home page, each section's index and its first entry, search, 404. */
function pageKinds(dir: string): string[] {
  const sections = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'index.html')))
    .sort();
  return [
    '',
    ...sections.flatMap((name) => {
      const first = readdirSync(join(dir, name))
        .filter((entry) => existsSync(join(dir, name, entry, 'index.html')))
        .sort()[0];
      return [`${name}/`, ...(first ? [`${name}/${first}/`] : [])];
    }),
  ];
}

/** The first file of `dir` (by name) ending in `ext`, or of any name: not a folder such as _astro/img/. */
const firstFile = (dir: string, ext = '') => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => e.name).sort()[0]!;

/** Sources of each directive of a CSP, e.g. { "script-src": ["'self'", …] }. */
const directives = (policy: string) =>
  new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...sources]) => [name!, sources]));

const metaCsp = (file: string) => /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(readFileSync(file, 'utf8'))![1]!;

for (const site of [fixture, fixtureKb]) {
  for (const kind of servers) {
    const missing = !existsSync(join(site.dir, 'pagefind', 'pagefind.js'))
      ? `${site.dir}/ is not built (npm test builds it)`
      : !existsSync(binary[kind])
        ? `${binary[kind]} is missing (npm test installs Debian's ${kind})`
        : false;
    describe(`${kind} serving the ${site.name}`, { skip: missing }, () => {
      let server: Running;
      let browser: Browser;
      const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

      before(async () => {
        server = await start(kind, site);
        browser = await launch();
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      test('every kind of page loads with no CSP violation or console error, and carries the security headers', async () => {
        const w = await open(browser, server.origin);
        await w.page.addInitScript(() => {
          const seen: string[] = [];
          (window as unknown as { cspViolations: string[] }).cspViolations = seen;
          document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
        });
        const missing = `${server.url}no-such-page/`;
        for (const path of [...pageKinds(site.dir), 'no-such-page/']) {
          w.problems.length = 0;
          const response = await w.page.goto(`${server.url}${path}`, { waitUntil: 'load' });
          const violations = await w.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
          assert.deepEqual(violations, [], `${path}: CSP violations`);
          // The 404 page's own status is expected (Chromium logs it as a console error too).
          const problems = w.problems.filter((p) => p !== `404 ${missing}` && !p.endsWith(`(${missing})`));
          assert.deepEqual(problems, [], `${path}: console errors or failed requests`);
          const headers = response!.headers();
          assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/, `${path}: no CSP header`);
          assert.equal(headers['x-content-type-options'], 'nosniff', path);
          assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin', path);
          assert.match(headers['permissions-policy'] ?? '', /camera=\(\), microphone=\(\), geolocation=\(\)/, path);
        }
        await w.page.context().close();
      });

      test("the CSP header allows every source of every page's <meta> CSP, and adds frame-ancestors 'none'", async () => {
        const header = directives((await get('')).headers.get('content-security-policy') ?? '');
        for (const path of pageKinds(site.dir)) {
          for (const [name, sources] of directives(metaCsp(join(site.dir, path, 'index.html')))) {
            for (const source of sources) assert.ok(header.get(name)?.includes(source), `${path}: ${name} ${source} is not in the header`);
          }
        }
        assert.deepEqual(header.get('frame-ancestors'), ["'none'"]);
      });

      test("frame-ancestors 'none': another page cannot frame the site", async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors 'none'/.test(m.text()), timeout: 10_000 });
        await page.setContent(`<iframe src="${server.url}"></iframe>`);
        assert.match((await refused).text(), /violates the following Content Security Policy directive: "frame-ancestors 'none'". The request has been blocked/);
        await context.close();
      });

      test('typing in the search page finds reports, from index files served with their headers', async () => {
        const w = await open(browser, server.origin);
        const chunks: Record<string, string | undefined> = {};
        w.page.on('response', (r) => {
          if (/\.pf_(fragment|index|meta)$/.test(r.url())) chunks[r.url().replace(/.*\./, '')] = r.headers()['cache-control'];
        });
        await w.page.goto(`${server.url}search/`);
        await w.page.locator('#search-q').pressSequentially('flywheel', { delay: 20 });
        const results = w.page.locator('#search-results .result h3 a');
        await results.first().waitFor({ timeout: 10_000 });
        const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        assert.ok(hrefs.some((href) => href.startsWith(`${site.base}reports/`)), `no report among ${hrefs.join(', ')}`);
        assert.deepEqual(chunks, { pf_meta: YEAR, pf_index: YEAR, pf_fragment: YEAR });
        assert.deepEqual(w.problems, []);
        await w.page.context().close();
      });

      test('caching: content-hashed files for a year, pages and entry files revalidated', async () => {
        const pagefind = join(site.dir, 'pagefind');
        const meta = readdirSync(pagefind).find((f) => f.endsWith('.pf_meta'))!;
        const expected: [string, string, RegExp][] = [
          ['', 'no-cache', /^text\/html/],
          ['reports/', 'no-cache', /^text\/html/],
          [`_astro/${firstFile(join(site.dir, '_astro'), '.js')}`, YEAR, /^text\/javascript/],
          // A report's photo, published under its content's digest (the fixture has photos).
          [`_astro/img/${firstFile(join(site.dir, '_astro', 'img'), '.webp')}`, YEAR, /^image\/webp$/],
          ['search/header.js', 'no-cache', /^text\/javascript/],
          ['pagefind/pagefind.js', 'no-cache', /^text\/javascript/],
          ['pagefind/pagefind-entry.json', 'no-cache', /^application\/json/],
          ['pagefind/parts.json', 'no-cache', /^application\/json/],
          ['pagefind/wasm.en.pagefind', 'no-cache', /^application\/octet-stream$/],
          [`pagefind/${meta}`, YEAR, /^application\/octet-stream$/],
          [`pagefind/fragment/${firstFile(join(pagefind, 'fragment'))}`, YEAR, /^application\/octet-stream$/],
          [`pagefind/index/${firstFile(join(pagefind, 'index'))}`, YEAR, /^application\/octet-stream$/],
          [`pagefind/filter/${firstFile(join(pagefind, 'filter'))}`, YEAR, /^application\/octet-stream$/],
          ['probe.wasm', 'no-cache', /^application\/wasm$/],
          ['rss.xml', 'no-cache', /xml/],
        ];
        for (const [path, cache, type] of expected) {
          const response = await get(path);
          assert.equal(response.status, 200, path);
          assert.equal(response.headers.get('cache-control'), cache, path);
          assert.match(response.headers.get('content-type') ?? '', type, path);
          assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
        }
      });

      test('an unknown path gets the 404 page with status 404, revalidated; a folder without its slash is redirected', async () => {
        const notFound = readFileSync(join(site.dir, '404.html'), 'utf8');
        const paths = ['no-such-page/', 'reports/no-such-report/', ...(site.base === '/' ? [] : [`${server.origin}/elsewhere/`])];
        for (const path of paths) {
          const response = await fetch(path.startsWith('http') ? path : `${server.url}${path}`);
          assert.equal(response.status, 404, path);
          assert.equal(await response.text(), notFound, path);
          assert.equal(response.headers.get('cache-control'), 'no-cache', path);
          assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
        }
        const folder = await get('reports');
        assert.ok([301, 308].includes(folder.status), `reports → ${folder.status}`);
        assert.equal(new URL(folder.headers.get('location')!, server.url).pathname, `${site.base}reports/`);
      });

      test('--cors lets the hub read the search index, and nothing else', async () => {
        for (const path of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', `pagefind/fragment/${firstFile(join(site.dir, 'pagefind', 'fragment'))}`]) {
          assert.equal((await get(path)).headers.get('access-control-allow-origin'), HUB, path);
        }
        for (const path of ['', 'search/header.js']) assert.equal((await get(path)).headers.get('access-control-allow-origin'), null, path);
      });
    });
  }
}
