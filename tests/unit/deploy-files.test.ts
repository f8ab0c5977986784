/**
 * The deploy recipes as files: the GitHub and GitLab workflows are valid YAML and run the README's
 * commands in the right order (npm ci before the caches are restored, which it would empty); the
 * Dockerfile copies files that exist and runs npm scripts that exist; the shell scripts parse; the
 * README's Deploying section names only commands and files that exist. Docker itself is not run
 * here (the nginx.conf it copies is the one tests/e2e/deploy.test.ts runs). Also the CSP merge.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { mergePolicies } from '../../src/deploy/policy.ts';

const read = (file: string) => readFileSync(file, 'utf8');
const scripts = Object.keys(JSON.parse(read('package.json')).scripts as Record<string, string>);

/** `npm run <name>` commands in a text whose script is not in package.json. */
const unknownScripts = (text: string) => [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!).filter((name) => !scripts.includes(name));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}

test('the GitHub Pages workflow checks out the full history, runs npm ci, then restores the caches, builds for its base and publishes dist/', () => {
  const workflow = parse(read('.github/workflows/deploy.yml'));
  const steps: Step[] = workflow.jobs.build.steps;
  const at = (find: (s: Step) => boolean, what: string) => {
    const index = steps.findIndex(find);
    assert.ok(index >= 0, `no step that ${what}`);
    return index;
  };
  const checkout = at((s) => s.uses?.startsWith('actions/checkout@') ?? false, 'checks out');
  assert.equal(steps[checkout]!.with?.['fetch-depth'], 0);
  const ci = at((s) => s.run === 'npm ci', 'runs npm ci');
  const cache = at((s) => s.uses?.startsWith('actions/cache@') ?? false, 'caches');
  const build = at((s) => s.run === 'npm run build', 'runs npm run build');
  assert.ok(checkout < ci && ci < cache && cache < build, 'order: checkout, npm ci, cache, build');
  assert.deepEqual(String(steps[cache]!.with?.path).trim().split('\n'), ['node_modules/.cache', 'node_modules/.astro']);
  assert.match(String(steps[cache]!.with?.key), /hashFiles\('package-lock.json'\)/);
  assert.deepEqual(Object.keys(steps[build]!.env ?? {}).sort(), ['SITE_BASE', 'SITE_URL']);
  assert.equal(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path, 'dist');
  assert.ok(workflow.jobs.deploy.steps.some((s: Step) => s.uses?.startsWith('actions/deploy-pages@')));
  assert.deepEqual(unknownScripts(read('.github/workflows/deploy.yml')), []);
});

test('the GitLab Pages job clones the full history, runs npm ci, restores the caches, builds for CI_PAGES_URL, saves them and publishes dist/', () => {
  const job = parse(read('.gitlab-ci.yml')).pages;
  assert.equal(job.variables.GIT_DEPTH, 0);
  assert.deepEqual(job.cache, { key: { files: ['package-lock.json'] }, paths: ['.build-cache/'] });
  const script: string[] = job.script;
  const order = ['npm ci', 'scripts/deploy/build-cache.sh restore', 'npm run build', 'scripts/deploy/build-cache.sh save'].map((line) => script.indexOf(line));
  assert.ok(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!)), `script order: ${script.join(' | ')}`);
  assert.ok(script.some((line) => line.startsWith('export SITE_BASE=') && line.includes('CI_PAGES_URL')));
  assert.equal(job.publish, 'dist');
  assert.deepEqual(job.artifacts.paths, ['dist']);
});

test('the shell scripts parse, and build-site.sh runs npm ci, the cache, npm run build and deploy-config in that order', () => {
  for (const file of ['scripts/deploy/build-site.sh', 'scripts/deploy/build-cache.sh']) {
    accessSync(file, constants.X_OK);
    const check = spawnSync('sh', ['-n', file], { encoding: 'utf8' });
    assert.equal(check.status, 0, `${file}: ${check.stderr}`);
  }
  const script = read('scripts/deploy/build-site.sh');
  const order = ['\nnpm ci\n', 'build-cache.sh restore', '\nnpm run build\n', 'npm run deploy-config -- "$@"'].map((s) => script.indexOf(s));
  assert.ok(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!)), `order ${order.join(', ')}`);
});

test('build-cache.sh moves the caches out of node_modules and back, and says how to call it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-build-cache-'));
  const script = resolve('scripts/deploy/build-cache.sh');
  const run = (...args: string[]) => spawnSync(script, args, { cwd: dir, encoding: 'utf8' });
  mkdirSync(join(dir, 'node_modules', '.cache', 'hallway'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', '.astro'));
  writeFileSync(join(dir, 'node_modules', '.cache', 'hallway', 'kept'), 'x');
  assert.equal(run('save').stdout, 'build-cache: saved .build-cache/.cache\nbuild-cache: saved .build-cache/.astro\n');
  assert.ok(existsSync(join(dir, '.build-cache', '.cache', 'hallway', 'kept')) && !existsSync(join(dir, 'node_modules', '.cache')));
  rmSync(join(dir, 'node_modules'), { recursive: true }); // what npm ci does
  assert.equal(run('restore').status, 0);
  assert.equal(readFileSync(join(dir, 'node_modules', '.cache', 'hallway', 'kept'), 'utf8'), 'x');
  assert.ok(existsSync(join(dir, 'node_modules', '.astro')));
  const usage = run();
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /usage: .*build-cache\.sh restore\|save/);
});

test('the Dockerfile copies files that exist, runs npm scripts that exist, and builds with npm ci; .dockerignore keeps node_modules and builds out', () => {
  const dockerfile = read('Dockerfile');
  for (const [, sources] of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
    for (const source of sources!.split(' ')) assert.ok(source === '.' || existsSync(source), `COPY ${source}: no such file`);
  }
  assert.match(dockerfile, /^RUN npm ci$/m);
  assert.match(dockerfile, /npm run build/);
  assert.match(dockerfile, /npm run deploy-config -- --host nginx .*--out deploy\/nginx\.conf/);
  assert.match(dockerfile, /^COPY --from=build \/site\/deploy\/nginx\.conf \/etc\/nginx\/nginx\.conf$/m);
  assert.match(dockerfile, /^COPY --from=build \/site\/dist \/usr\/share\/nginx\/html$/m);
  assert.deepEqual(unknownScripts(dockerfile), []);
  const ignored = read('.dockerignore').split('\n');
  for (const entry of ['node_modules/', 'dist/', 'dist-*/']) assert.ok(ignored.includes(entry), `.dockerignore lacks ${entry}`);
});

test("the README's Deploying section names npm scripts, scripts and files that exist", () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Deploying'), readme.indexOf('## How it is built'));
  assert.ok(section.length > 1000, 'no Deploying section');
  for (const host of ['GitHub Pages', 'GitLab Pages', 'Netlify', 'Cloudflare Pages', 'nginx', 'Caddy', 'Container', 'Any other CI']) {
    assert.match(section, new RegExp(`^### ${host}$`, 'm'));
  }
  assert.deepEqual(unknownScripts(section), []);
  for (const [file] of section.matchAll(/(?:scripts\/deploy\/[\w.-]+|\.github\/workflows\/[\w.-]+|\.gitlab-ci\.yml|Dockerfile|\.dockerignore)/g)) {
    assert.ok(existsSync(file), `README names ${file}, which does not exist`);
  }
});

test("the CSP header allows what any page's <meta> allows, adds frame-ancestors 'none', and can leave the hashes to the pages", () => {
  const a = "default-src 'self'; script-src 'self' 'sha256-A'; style-src 'self' 'sha256-S'";
  const b = "default-src 'self'; script-src 'self' 'sha256-B'; object-src 'none'; frame-ancestors *";
  assert.equal(mergePolicies([a, b]), "default-src 'self'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self' 'sha256-S'; object-src 'none'; frame-ancestors 'none'");
  assert.equal(mergePolicies([a, b], { withoutHashes: true }), "object-src 'none'; frame-ancestors 'none'");
});
