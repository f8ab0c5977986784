/**
 * `npm run deploy-config -- --host netlify|cloudflare|nginx|caddy`: after `npm run build`, writes
 * the host's configuration for that build (src/deploy/): headers with the pages' own CSP, cache
 * rules, content types, the 404 page. A separate command, not part of the build, because only some
 * hosts read such a file and each wants its own. It never overwrites a file it did not write, and
 * reads back what it wrote before saying so.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { commandLine } from '../src/lib/command-line.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { DeployProblem, readSite } from '../src/deploy/policy.ts';
import { GENERATED, HOSTS, renderCaddy, renderHeadersFile, renderNginx, type Host } from '../src/deploy/render.ts';

const usage = `Usage: npm run deploy-config -- --host <${HOSTS.join('|')}> [options]

Run it after npm run build (and again after every build: the CSP carries the build's hashes).
The base path (/ or e.g. /kb/) is read from the built pages.

  --host netlify|cloudflare   write <dist>/_headers (the publish folder's root; see README for a sub-path)
  --host nginx                write deploy/nginx.conf, a whole nginx configuration
  --host caddy                write deploy/Caddyfile
  --dist <dir>                the built site (default: $OUT_DIR or dist)
  --out <file>                write here instead
  --cors <origin>             let <origin> (e.g. https://hub.example) read /pagefind/* (federated search)
  --listen <port|host:port>   nginx and Caddy: where to listen (default 8080)
  --root <dir>                nginx and Caddy: where the built site is on the server (default: --dist, absolute)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, usageError } = commandLine({
  command: 'npm run deploy-config',
  usage,
  options: {
    host: { type: 'string' },
    dist: { type: 'string' },
    out: { type: 'string' },
    cors: { type: 'string' },
    listen: { type: 'string' },
    root: { type: 'string' },
  },
});
const host = values.host as Host;
if (!HOSTS.includes(host)) usageError('--host', `expected one of ${HOSTS.join(', ')}, found ${values.host ? `"${values.host}"` : 'none'}`);
const options = { ...values, dist: values.dist ?? process.env.OUT_DIR ?? 'dist', listen: values.listen ?? '8080' };

const defaultOut: Record<Host, string> = {
  netlify: join(options.dist, '_headers'),
  cloudflare: join(options.dist, '_headers'),
  nginx: join('deploy', 'nginx.conf'),
  caddy: join('deploy', 'Caddyfile'),
};
const out = options.out ?? defaultOut[host];

try {
  const site = readSite(options.dist, { cors: options.cors });
  const server = { listen: options.listen, root: resolve(options.root ?? options.dist) };
  const { text, notes } =
    host === 'nginx' ? { text: renderNginx(site, server), notes: [] } : host === 'caddy' ? { text: renderCaddy(site, server), notes: [] } : renderHeadersFile(host, site);

  const existing = (() => {
    try {
      return readFileSync(out, 'utf8');
    } catch {
      return undefined;
    }
  })();
  if (existing !== undefined && !existing.startsWith(GENERATED)) {
    throw new DeployProblem({ file: out, line: 1, field: '(file)', message: `expected a file written by npm run deploy-config, found one it did not write; move it away or pass --out <another file>` });
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  if (readFileSync(out, 'utf8') !== text) throw new DeployProblem({ file: out, field: '(file)', message: 'expected to read back what was written, found other text; check the disk and run it again' });
  for (const note of notes) console.log(note);
  const immutable = site.rules.filter((r) => r.cache === 'immutable').length;
  console.log(`Wrote ${out} for ${host}: ${site.dir}/ under ${site.base}, ${site.rules.length} cache rules (${immutable} immutable)${site.cors ? `, search index readable from ${site.cors}` : ''}.`);
} catch (error) {
  if (error instanceof DeployProblem) fail(formatProblem(error.problem));
  throw error;
}
