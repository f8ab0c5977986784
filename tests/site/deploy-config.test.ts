/**
 * `npm run deploy-config` on the fixture builds (dist-fixture/ at /, dist-fixture-kb/ under /kb/):
 * the `_headers` file for Netlify and Cloudflare Pages is read back with their matching rules
 * (a `*` matches the rest of the path; every matching rule applies, one header twice is joined),
 * and every built file must get exactly the Cache-Control its name deserves. nginx and Caddy are
 * run for real in tests/e2e/deploy.test.ts. Also: the command's messages, and that it never
 * overwrites a file it did not write.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { filesUnder } from '../../src/paths.ts';
import { fixture, fixtureKb } from '../helpers/builds.ts';

const YEAR = 'public, max-age=31536000, immutable';

const deployConfig = (...args: string[]) => spawnSync(process.execPath, ['scripts/deploy-config.ts', ...args], { encoding: 'utf8' });

/** `_headers` as [pattern, [name, value][]] blocks. */
function parseHeaders(text: string): [string, [string, string][]][] {
  const blocks: [string, [string, string][]][] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) blocks.push([line, []]);
    else {
      const [name, ...value] = line.trim().split(': ');
      blocks.at(-1)![1].push([name!, value.join(': ')]);
    }
  }
  return blocks;
}

/** The headers a host sends for `url` from `_headers` blocks: every matching rule's, one name's values joined by ", ". */
function headersFor(blocks: ReturnType<typeof parseHeaders>, url: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const [pattern, lines] of blocks) {
    const matches = pattern.endsWith('*') ? url.startsWith(pattern.slice(0, -1)) : url === pattern;
    if (!matches) continue;
    for (const [name, value] of lines) headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return headers;
}

/** What a file's name says, independently of src/deploy: hashed names for a year, the rest revalidated. */
const expectedCache = (rel: string) =>
  /^_astro\//.test(rel) || /^pagefind\/(part-\d+\/)?(fragment|index|filter)\//.test(rel) || /\.pf_meta$/.test(rel) ? YEAR : 'no-cache';

for (const site of [fixture, fixtureKb]) {
  describe(`deploy-config on the ${site.name}`, { skip: existsSync(join(site.dir, 'index.html')) ? false : `${site.dir}/ is not built (npm test builds it)` }, () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hallway-deploy-config-'));

    function headersFile(host: string, ...args: string[]) {
      const out = join(tmp, `${host}-${args.length}`, '_headers');
      const run = deployConfig('--host', host, '--dist', site.dir, '--out', out, ...args);
      assert.equal(run.status, 0, run.stderr);
      return { text: readFileSync(out, 'utf8'), stdout: run.stdout, blocks: parseHeaders(readFileSync(out, 'utf8')) };
    }

    test('_headers gives every built file, and every page by its folder URL, exactly its Cache-Control and the security headers', () => {
      const { blocks, stdout } = headersFile('netlify');
      assert.match(stdout, new RegExp(`^Wrote .*_headers for netlify: ${site.dir}/ under ${site.base}, \\d+ cache rules \\(5 immutable\\)\\.$`, 'm'));
      for (const file of filesUnder(site.dir)) {
        const rel = relative(site.dir, file).split('\\').join('/');
        const urls = [site.base + rel, ...(rel.endsWith('index.html') ? [site.base + rel.slice(0, -'index.html'.length)] : [])];
        for (const url of urls) {
          const headers = headersFor(blocks, url);
          assert.equal(headers.get('Cache-Control'), expectedCache(rel), url);
          assert.equal(headers.get('X-Content-Type-Options'), 'nosniff', url);
          assert.match(headers.get('Content-Security-Policy') ?? '', /^default-src 'self'; .*script-src 'self' 'wasm-unsafe-eval' 'sha256-.*; frame-ancestors 'none'$/, url);
          if (/\.(pf_\w+|pagefind)$/.test(rel)) assert.equal(headers.get('Content-Type'), 'application/octet-stream', url);
          assert.equal(headers.get('Access-Control-Allow-Origin'), undefined, url);
        }
      }
    });

    test('--cors adds Access-Control-Allow-Origin for the search index only', () => {
      const { blocks } = headersFile('netlify', '--cors', 'https://hub.example');
      assert.equal(headersFor(blocks, `${site.base}pagefind/pagefind-entry.json`).get('Access-Control-Allow-Origin'), 'https://hub.example');
      assert.equal(headersFor(blocks, `${site.base}pagefind/fragment/x.pf_fragment`).get('Access-Control-Allow-Origin'), 'https://hub.example');
      assert.equal(headersFor(blocks, `${site.base}search/`).get('Access-Control-Allow-Origin'), undefined);
    });

    test("Cloudflare's file keeps within its limits: 100 rules, 2,000 characters a header, and says what it left to the pages", () => {
      const { text, blocks, stdout } = headersFile('cloudflare');
      assert.ok(blocks.length <= 100, `${blocks.length} rules`);
      for (const line of text.split('\n')) assert.ok(line.trim().length <= 2000, `${line.length} characters: ${line.slice(0, 80)}…`);
      const csp = headersFor(blocks, site.base).get('Content-Security-Policy') ?? '';
      if (csp.includes('sha256-')) return;
      assert.match(stdout, /the CSP header leaves script-src, style-src and default-src to each page's <meta> CSP/);
      assert.doesNotMatch(csp, /default-src|script-src|style-src/);
      assert.match(csp, /object-src 'none'.*frame-ancestors 'none'$/);
    });
  });
}

describe('deploy-config messages', { skip: existsSync(join(fixture.dir, 'index.html')) ? false : `${fixture.dir}/ is not built (npm test builds it)` }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'hallway-deploy-config-'));

  test('never overwrites a file it did not write, and overwrites its own', () => {
    const out = join(tmp, 'nginx.conf');
    writeFileSync(out, 'server { listen 80; }\n');
    const refused = deployConfig('--host', 'nginx', '--dist', fixture.dir, '--out', out);
    assert.equal(refused.status, 1);
    assert.equal(refused.stderr.trim(), `${out}:1: (file): expected a file written by npm run deploy-config, found one it did not write; move it away or pass --out <another file>`);
    assert.equal(readFileSync(out, 'utf8'), 'server { listen 80; }\n');

    const fresh = join(tmp, 'Caddyfile');
    for (let run = 0; run < 2; run++) assert.equal(deployConfig('--host', 'caddy', '--dist', fixture.dir, '--out', fresh).status, 0);
    assert.match(readFileSync(fresh, 'utf8'), /^# Generated by npm run deploy-config -- --host caddy from dist-fixture\/ \(base \/\)/);
  });

  test('says what is wrong with a host, a folder or an origin, in our format', () => {
    const cases: [string[], string, number][] = [
      [['--host', 'apache'], 'deploy-config: --host: expected one of netlify, cloudflare, nginx, caddy, found "apache"', 2],
      [['--host', 'nginx', '--dist', join(tmp, 'nothing')], `${join(tmp, 'nothing')}/index.html: (file): expected a built site, found no ${join(tmp, 'nothing')}/index.html; run npm run build first (OUT_DIR=${join(tmp, 'nothing')} if it builds elsewhere)`, 1],
      [['--host', 'netlify', '--dist', fixture.dir, '--cors', 'https://hub.example/search/'], '--cors: origin: expected an origin such as https://hub.example (scheme and host, no path) or *, found "https://hub.example/search/"', 1],
    ];
    for (const [args, message, status] of cases) {
      const run = deployConfig(...args, '--out', join(tmp, 'out'));
      assert.equal(run.status, status, args.join(' '));
      assert.equal(run.stderr.split('\n')[0], message);
      assert.ok(!existsSync(join(tmp, 'out')), 'nothing is written when it fails');
    }
  });
});
