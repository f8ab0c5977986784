/**
 * Real builds of a two-report made-up corpus (tests/helpers/corpus.ts), each with its own caches:
 * - a build killed with SIGKILL leaves the previous site byte for byte; a second build of the same
 *   folder started while the first runs stops with our message; the next build removes what the
 *   killed one left (and its stale lock);
 * - no cache can publish what the sources do not say: a page edited in Astro's page cache, a
 *   planted renderer cache entry (with a matching digest, and a `<script>`), an edited search index
 *   in the search cache: none is published, each is rebuilt from the sources; and a write into the
 *   published `pagefind/` never reaches the search cache.
 * The unit tests (tests/unit/publish.test.ts, cache-trust.test.ts) inject a failure at each step.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { astroCacheDir } from '../../src/paths.ts';
import { corpus, files, report } from '../helpers/corpus.ts';

const dir = corpus({ 'reports/second-visit.mdx': files[report]!.replace('title: First visit', 'title: Second visit') });
const out = join(dir, 'dist');
const env = {
  ...process.env,
  CONTENT_DIR: dir,
  OUT_DIR: out,
  SITE_BASE: '/',
  HALLWAY_CACHE: join(dir, 'cache', 'reports'),
  HALLWAY_SEARCH_CACHE: join(dir, 'cache', 'search'),
};
const astroCache = astroCacheDir(dir, '/');
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(astroCache, { recursive: true, force: true });
});

const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
function build(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/build.ts', ...args], { encoding: 'utf8', env });
  return { status: result.status, output: clean(`${result.stdout}\n${result.stderr}`) };
}
const page = (site: string, id: string) => readFileSync(join(site, 'reports', id, 'index.html'), 'utf8');
/** Every file under `folder`, by path, with its bytes. */
const snapshot = (folder: string) => Object.fromEntries(readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'base64')]));

test('a killed build leaves the previous site as it was, a concurrent one stops, the next one cleans up', async () => {
  mkdirSync(join(out, 'talks'), { recursive: true });
  writeFileSync(join(out, 'index.html'), 'previous site');
  writeFileSync(join(out, 'talks', 'index.html'), 'previous talks');
  const previous = snapshot(out);

  const first = spawn(process.execPath, ['scripts/build.ts', '--silent'], { env, detached: true, stdio: 'ignore' });
  for (let waited = 0; !existsSync(`${out}.partial`); waited += 200) {
    assert.ok(waited < 180_000, 'the first build starts writing its staging folder');
    await sleep(200);
  }
  const second = build('--silent');
  assert.equal(second.status, 1);
  assert.equal(second.output.trim(), `${out}.build-lock: build: expected no other build of ${out}/ running, found one (process ${first.pid}); wait for it to finish and build again, or delete ${out}.build-lock if no build is running`);

  process.kill(-first.pid!, 'SIGKILL');
  await new Promise((resolve) => first.on('close', resolve));
  assert.deepEqual(snapshot(out), previous, 'the killed build left the previous site byte for byte');
  // What a build killed later would also have left: a search part folder, a site set aside.
  mkdirSync(`${out}.partial.search-part-1`);
  mkdirSync(`${out}.old-${first.pid}`);

  // Not --silent: Astro's log level is part of its cache key, and the next test needs the cache.
  const next = build();
  assert.equal(next.status, 0, next.output);
  assert.deepEqual(next.output.split('\n').filter((l) => l.startsWith('removed')), [
    `removed ${out}.old-${first.pid}/, left by an earlier build that was stopped`,
    `removed ${out}.partial/, left by an earlier build that was stopped`,
    `removed ${out}.partial.search-part-1/, left by an earlier build that was stopped`,
  ]);
  assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('dist')), ['dist']);
  assert.match(page(out, 'first-visit'), /We went to the conference/);
});

test('an edited page in Astro’s cache and an edited search index in the search cache are not published', () => {
  const cachedPage = join(astroCache, 'dist', 'reports', 'first-visit', 'index.html');
  writeFileSync(cachedPage, readFileSync(cachedPage, 'utf8').replace('We went to the conference', 'PLANTED in the page cache'));

  // dist/pagefind holds copies: writing there leaves the cache as it was.
  const [entry] = readdirSync(env.HALLWAY_SEARCH_CACHE);
  const cachedIndex = join(env.HALLWAY_SEARCH_CACHE, entry!, 'index', 'pagefind-entry.json');
  const before = readFileSync(cachedIndex, 'utf8');
  assert.equal(statSync(join(out, 'pagefind', 'pagefind-entry.json')).nlink, 1, 'the published index file is not a hard link');
  writeFileSync(join(out, 'pagefind', 'pagefind-entry.json'), '{"written":"into dist"}');
  assert.equal(readFileSync(cachedIndex, 'utf8'), before);
  // An edit in the cache itself (as a restored CI cache could hold) is not reused.
  writeFileSync(cachedIndex, '{"planted":"in the search cache"}');

  const { status, output } = build();
  assert.equal(status, 0, output);
  assert.doesNotMatch(page(out, 'first-visit'), /PLANTED/);
  assert.match(page(out, 'first-visit'), /We went to the conference/);
  assert.match(output, new RegExp(`Astro's cache in .*/ does not match what the last build recorded \\(dist/reports/first-visit/index.html\\): removed, every page is rendered from the sources`));
  assert.match(output, new RegExp(`Search index in .*${entry}/ does not match its digest \\(changed since it was written\\): removed, indexing again`));
  assert.equal(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'), before, 'the index is Pagefind’s again');
});

test('a planted renderer cache entry, even with a matching digest, is rendered from the source again (build --force)', () => {
  const cache = env.HALLWAY_CACHE;
  // Both reports have the same body, so one entry holds it.
  const [name] = readdirSync(cache).filter((f) => readFileSync(join(cache, f), 'utf8').includes('We went to the conference'));
  const text = readFileSync(join(cache, name!), 'utf8');
  const json = text.slice(text.indexOf('\n') + 1).replace('We went to the conference', 'PLANTED<script>alert(1)</script>');
  writeFileSync(join(cache, name!), `${createHash('sha256').update(json).digest('hex')}\n${json}`);

  const { status, output } = build('--silent', '--force');
  assert.equal(status, 0, output);
  for (const id of ['first-visit', 'second-visit']) {
    assert.doesNotMatch(page(out, id), /PLANTED|alert\(1\)/);
    assert.match(page(out, id), /We went to the conference/);
  }
  assert.doesNotMatch(readFileSync(join(cache, name!), 'utf8'), /PLANTED/, 'the entry is rewritten from the source');
});
