/**
 * The environment's settings (src/config.ts): read once, with their defaults, and a value of
 * the wrong form is a problem in our format rather than a broken site.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatProblem } from '../../src/lib/problems.ts';

let fresh = 0;
/** The config module as a process started with `env` would read it (a new module instance each time). */
async function configWith(env: Record<string, string | undefined>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
  try {
    return (await import(`../../src/config.ts?env=${++fresh}`)) as typeof import('../../src/config.ts');
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

test('unset, every setting has its default and there is no problem', async () => {
  const { config, configProblems } = await configWith({ CONTENT_DIR: undefined, SITE_BASE: undefined, SITE_URL: undefined, OUT_DIR: undefined, HALLWAY_SEARCH_INDEX: undefined });
  assert.equal(config.contentDir, 'content');
  assert.equal(config.siteBase, '/');
  assert.equal(config.outDir, 'dist');
  assert.equal(config.searchIndexAfterAstro, false);
  assert.deepEqual(configProblems, []);
});

test('each variable keeps its name and meaning', async () => {
  const { config, configProblems } = await configWith({ CONTENT_DIR: 'elsewhere', SITE_BASE: '/kb/team/', SITE_URL: 'https://intranet.example.com', OUT_DIR: 'out', HALLWAY_CACHE: '/tmp/c', HALLWAY_SEARCH_INDEX: 'after-astro', REPO_URL: '' });
  assert.deepEqual([config.contentDir, config.siteBase, config.siteUrl, config.outDir, config.renderCacheDir, config.searchIndexAfterAstro, config.repo.repoUrl], ['elsewhere', '/kb/team/', 'https://intranet.example.com', 'out', '/tmp/c', true, undefined]);
  assert.deepEqual(configProblems, []);
});

test('a base without its slashes, an address that is not http(s) and an unknown index step are problems in our format', async () => {
  const { configProblems } = await configWith({ SITE_BASE: 'kb', SITE_URL: 'intranet.example.com', HALLWAY_SEARCH_INDEX: 'later' });
  assert.deepEqual(configProblems.map(formatProblem), [
    '(environment): SITE_BASE: expected a path that starts and ends with "/", e.g. "/kb/", found "kb"',
    '(environment): SITE_URL: expected an http or https address, e.g. "https://intranet.example.com", found "intranet.example.com"',
    '(environment): HALLWAY_SEARCH_INDEX: expected "after-astro" or nothing, found "later"; leave it unset (npm run build sets it)',
  ]);
});
