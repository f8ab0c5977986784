/**
 * Search across teams: a hub (a site with no reports of its own) lists other sites in its
 * `sites.yaml`, and its search page merges their Pagefind indexes. The other sites are the fixture
 * builds (dist-fixture/ at /, dist-fixture-kb/ under /kb/) served with CORS on their own ports,
 * plus four that cannot be merged: one down, one without CORS, one built with another Pagefind
 * version and one whose index is not JSON. The hub is built here (its sites' ports are only known
 * now), from the fixture registries without the reports.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, open } from '../helpers/browser.ts';
import { FIXTURE_CONTENT, fixture, fixtureKb } from '../helpers/builds.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { astroCacheDir } from '../../src/paths.ts';

const built = [fixture, fixtureKb].every((b) => existsSync(join(b.dir, 'pagefind', 'pagefind.js')));

/** A port nothing listens on: a site that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A site that has only a copy of the fixture's index, its entry file replaced by `entry`. */
function indexOnly(dir: string, entry: string): string {
  cpSync(join(fixture.dir, 'pagefind'), join(dir, 'pagefind'), { recursive: true });
  writeFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), entry);
  return dir;
}

const statusSays = (page: Page, pattern: RegExp) =>
  page.waitForFunction(
    ([source, flags]) => new RegExp(source!, flags).test(document.getElementById('search-status')?.textContent ?? ''),
    [pattern.source, pattern.flags],
    { timeout: 15_000 },
  );

/** Each shown result: its link and the site named in its meta line ("" for the hub's own). */
const results = (page: Page) =>
  page.locator('#search-results .result').evaluateAll((articles) =>
    articles.map((a) => ({ href: a.querySelector('h3 a')!.getAttribute('href')!, site: a.querySelector('.result-meta .site')?.textContent ?? '' })),
  );

describe('a hub searches other sites (federation)', { skip: built ? false : 'dist-fixture/ and dist-fixture-kb/ need their Pagefind bundles: build them first (npm test does)' }, () => {
  const work = mkdtempSync(join(tmpdir(), 'hallway-hub-'));
  const dist = join(work, 'dist');
  const servers: Served[] = [];
  let hub: Served;
  let browser: Browser;
  const sites: Record<string, { name: string; url: string }> = {};
  let build: { status: number | null; output: string };

  before(async () => {
    const add = async (id: string, name: string, served: Promise<Served>) => {
      const s = await served;
      servers.push(s);
      sites[id] = { name, url: s.url };
    };
    await add('lantern', 'Lantern team', serve(fixture.dir, fixture.base, { cors: true }));
    await add('archive', 'Lantern archive', serve(fixtureKb.dir, fixtureKb.base, { cors: true }));
    await add('closed', 'Closed team', serve(fixture.dir, fixture.base));
    await add('old', 'Old team', serve(indexOnly(join(work, 'old'), '{"version":"1.5.2","languages":{}}'), '/', { cors: true }));
    await add('broken', 'Broken team', serve(indexOnly(join(work, 'broken'), '<html>Not found</html>'), '/', { cors: true }));
    sites.gone = { name: 'Gone team', url: `http://127.0.0.1:${await closedPort()}/` };

    const content = join(work, 'content');
    mkdirSync(join(content, 'reports'), { recursive: true });
    for (const file of readdirSync(FIXTURE_CONTENT).filter((f) => f.endsWith('.yaml'))) cpSync(join(FIXTURE_CONTENT, file), join(content, file));
    writeFileSync(join(content, 'sites.yaml'), Object.entries(sites).map(([id, s]) => `${id}:\n  name: ${s.name}\n  url: ${s.url}\n`).join(''));
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const result = spawnSync(process.execPath, ['scripts/build.ts', '--silent'], {
      encoding: 'utf8',
      env: { ...env, CONTENT_DIR: content, OUT_DIR: dist, SITE_BASE: '/', HALLWAY_CACHE: join(work, 'cache'), OG_CACHE_DIR: join(work, 'og'), HALLWAY_SEARCH_CACHE: join(work, 'search-cache') },
    });
    build = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    hub = await serve(dist, '/');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    for (const s of [hub, ...servers]) await s?.close();
    rmSync(work, { recursive: true, force: true });
    const prefix = basename(astroCacheDir(work, ''));
    for (const name of existsSync(join('node_modules', '.astro')) ? readdirSync(join('node_modules', '.astro')) : []) {
      if (name.startsWith(prefix)) rmSync(join('node_modules', '.astro', name), { recursive: true, force: true });
    }
  });

  test('a site with no reports of its own builds, with its pages and search index', () => {
    assert.equal(build.status, 0, build.output);
    for (const page of ['index.html', 'reports/index.html', 'search/index.html', 'pagefind/pagefind-entry.json']) assert.ok(existsSync(join(dist, page)), `${page} is missing`);
    assert.match(readFileSync(join(dist, 'index.html'), 'utf8'), /0 trip reports/);
  });

  test('the CSP lets pages fetch from exactly the listed sites', () => {
    const html = readFileSync(join(dist, 'search', 'index.html'), 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
    const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
    assert.equal(connect, `connect-src 'self' ${Object.values(sites).map((s) => new URL(s.url).origin).join(' ')}`);
  });

  test('results from every site that answers, ours first, each labelled with its site and linking to it; the others are named in a notice', async () => {
    const w = await open(browser, hub.origin);
    await w.page.goto(`${hub.url}search/?q=quillpipe`);
    await statusSays(w.page, /results? for “quillpipe”$/);

    const said = (await w.page.locator('#search-notices[role="status"]:visible p').allTextContents()).sort();
    assert.deepEqual(said, [
      `Broken team’s search index could not be read (${sites.broken!.url}pagefind/pagefind-entry.json is not a Pagefind index); results from it are not shown.`,
      `Closed team’s search (${sites.closed!.url}) could not be reached: the site is down, or it does not let this site read its index (CORS); results from it are not shown.`,
      `Gone team’s search (${sites.gone!.url}) could not be reached: the site is down, or it does not let this site read its index (CORS); results from it are not shown.`,
      'Old team’s search index was built with Pagefind 1.5, this site’s with 1.6; results from it are not shown until both use the same version.',
    ]);

    // Ours (the Quillpipe tool page) first, then the other sites', by absolute links.
    const shown = await results(w.page);
    assert.deepEqual(shown[0], { href: '/tools/quillpipe/', site: '' });
    for (const r of shown.slice(1)) {
      const [id, site] = Object.entries(sites).find(([, s]) => r.href.startsWith(s.url)) ?? [];
      assert.ok(id === 'lantern' || id === 'archive', `${r.href} is not from a merged site`);
      assert.equal(r.site, site!.name);
    }

    // The Site filter counts each site that answered; ticking one narrows to it, and it stays in the address.
    const group = w.page.getByRole('group', { name: 'Site' });
    const labels = (await group.locator('li:not([hidden]) label').allTextContents()).map((t) => t.trim().replace(/\s+/g, ' '));
    assert.deepEqual(labels.map((l) => l.replace(/ \(\d+\)$/, '')).sort(), ['Lantern archive', 'Lantern team', 'This site']);
    const count = (name: string) => Number(/\((\d+)\)$/.exec(labels.find((l) => l.startsWith(name))!)![1]);
    assert.equal(count('Lantern team'), count('Lantern archive'), 'the two fixture builds hold the same pages');

    await group.getByRole('checkbox', { name: /^Lantern archive/ }).check();
    await w.page.waitForURL((url) => url.searchParams.get('site') === 'archive');
    await statusSays(w.page, new RegExp(`^${count('Lantern archive')} results? for “quillpipe” \\(Lantern archive\\)$`));
    const archive = await results(w.page);
    assert.ok(archive.some((r) => r.href === `${sites.archive!.url}reports/lantern-2023-day-one/`), 'the day-one report, under the archive’s /kb/, is missing');
    for (const r of archive) assert.deepEqual([r.href.startsWith(sites.archive!.url), r.site], [true, 'Lantern archive']);

    await group.getByRole('checkbox', { name: /^Lantern archive/ }).uncheck();
    await group.getByRole('checkbox', { name: /^This site/ }).check();
    await statusSays(w.page, /for “quillpipe” \(This site\)$/);
    for (const r of await results(w.page)) assert.deepEqual([r.href.startsWith('/'), r.site], [true, '']);
    assert.deepEqual(w.problems.filter((p) => p.startsWith('uncaught')), []);
  });
});
