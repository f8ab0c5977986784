/**
 * What a host must send with a built site, read from the build itself so nothing is stated twice:
 * the security headers (the pages' own CSP, from their `<meta>`), which files may be cached for a
 * year (content-hashed names) and which must be revalidated, and the content types a server may not
 * know. src/deploy/render.ts writes this for each host; scripts/deploy-config.ts is the command.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Problem } from '../lib/problems.ts';

/**
 * Every file of a built site, sorted, following links (a host's folder may link to the build).
 * Not src/paths.ts's walker: that one is for content and refuses links leaving its folder.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A problem with the build or the options, in our `file:line: field: message` format. */
export class DeployProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
  }
}

export type CacheClass = 'immutable' | 'revalidate';

/**
 * Content-hashed files never change under their name, so a year and `immutable`; everything else
 * (pages, Pagefind's entry files, our own unhashed scripts and JSON) is revalidated on every use
 * (`no-cache` still lets the browser keep it and ask with If-None-Match).
 */
export const CACHE_CONTROL: Record<CacheClass, string> = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
};

/**
 * Types some servers get wrong: WebAssembly must be application/wasm to be compiled while it
 * streams; Pagefind's index files are gzip bytes the browser must not guess at (Caddy would sniff
 * `application/x-gzip`, and a gzip type invites a proxy to decompress them).
 */
export const SPECIAL_TYPES: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Every type a self-run server (nginx) needs for what the build writes, by extension. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  ...SPECIAL_TYPES,
};

/** Sent with every response. The CSP is the pages' own plus what only a header can say. */
export function securityHeaders(csp: string): [string, string][] {
  return [
    ['Content-Security-Policy', csp],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

/** One path rule, relative to the base: "x/" is everything under folder x, "x" one file, "" the home page. */
export interface PathRule {
  path: string;
  cache: CacheClass;
  /** The Content-Type every file it covers must have, when SPECIAL_TYPES says so. */
  type?: string;
}

export interface DeploySite {
  /** The built folder, e.g. "dist". */
  dir: string;
  /** The base path it was built for, "/" or e.g. "/kb/" (read from its pages). */
  base: string;
  /** The CSP header: every page's <meta> policy merged, plus frame-ancestors 'none'. */
  csp: string;
  /** The same without the per-page hashes (and default-src, their fallback), for hosts that limit a header's length. */
  shortCsp: string;
  /** Non-overlapping rules covering every file, in path order. */
  rules: PathRule[];
  /** Origin allowed to read the search index from another site (federated search), if any. */
  cors?: string;
}

/** Folders inside a Pagefind bundle whose files are named by a hash of their content (sha1 of the chunk). */
const HASHED_PAGEFIND_DIRS = new Set(['fragment', 'index', 'filter']);

const posix = (path: string) => path.split(sep).join('/');
const isDir = (path: string) => statSync(path).isDirectory();

/** A rule for `path` (relative to the base; folders end with "/"), typed if SPECIAL_TYPES gives all its `files` one type. */
function rule(path: string, cache: CacheClass, files: string[]): PathRule {
  const types = new Set(files.map((f) => SPECIAL_TYPES[extname(f)]));
  const [type] = types;
  return { path, cache, ...(types.size === 1 && type ? { type } : {}) };
}

/**
 * Rules for a Pagefind folder (the bundle, or one of its parts `part-2/`…): its chunk folders and
 * `pagefind.<lang>_<hash>.pf_meta` are content-hashed; its entry files (pagefind.js,
 * pagefind-entry.json, parts.json, the wasm.<lang>.pagefind modules) keep their names across builds.
 */
function pagefindRules(dir: string, rel: string): PathRule[] {
  return readdirSync(dir).sort().flatMap((name): PathRule[] => {
    const path = join(dir, name);
    if (!isDir(path)) return [rule(rel + name, name.endsWith('.pf_meta') ? 'immutable' : 'revalidate', [name])];
    if (HASHED_PAGEFIND_DIRS.has(name)) return [rule(`${rel}${name}/`, 'immutable', filesUnder(path))];
    return pagefindRules(path, `${rel}${name}/`);
  });
}

/**
 * Cache rules covering every file of the build, none overlapping (hosts with `_headers` files join
 * two matching values of one header with a comma): Astro's `_astro/` is content-hashed; Pagefind's
 * folder is split as above; every other top-level file or folder (pages, feeds, images, our own
 * unhashed search scripts and JSON) is revalidated.
 */
export function cacheRules(dir: string): PathRule[] {
  const rules: PathRule[] = [{ path: '', cache: 'revalidate' }];
  for (const name of readdirSync(dir).sort()) {
    if (name === '_headers' || name === '_redirects') continue;
    const path = join(dir, name);
    if (name === 'pagefind' && isDir(path)) rules.push(...pagefindRules(path, 'pagefind/'));
    else if (isDir(path)) rules.push({ path: `${name}/`, cache: name === '_astro' ? 'immutable' : 'revalidate' });
    else rules.push(rule(name, 'revalidate', [name]));
  }
  return rules;
}

/** Directives whose sources are per-page hashes, and default-src, which stands in for them when absent. */
const HASHED_DIRECTIVES = new Set(['default-src', 'script-src', 'script-src-elem', 'style-src', 'style-src-elem']);

/**
 * One policy allowing what any of `policies` allows: each directive with the union of its sources,
 * in first-seen order. A browser enforces the header and a page's <meta> both, so on every page
 * the effective policy stays that page's own, plus `frame-ancestors 'none'`, which a <meta> cannot set.
 */
export function mergePolicies(policies: string[], { withoutHashes = false } = {}): string {
  const directives = new Map<string, string[]>();
  for (const policy of policies) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name || name === 'frame-ancestors' || (withoutHashes && HASHED_DIRECTIVES.has(name))) continue;
      const list = directives.get(name) ?? [];
      directives.set(name, list);
      for (const source of sources) if (!list.includes(source)) list.push(source);
    }
  }
  directives.set('frame-ancestors', ["'none'"]);
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The <head> of a page as hast (the body never matters here, and a report page can be long). */
function head(html: string) {
  const end = html.search(/<\/head>/i);
  return fromHtml(end < 0 ? html : html.slice(0, end), { fragment: true });
}

interface HeadFacts {
  csp?: string;
  icon?: string;
}

/** The page's CSP <meta> and its icon link (which the layout writes as `${base}favicon.svg`). */
function headFacts(html: string): HeadFacts {
  const facts: HeadFacts = {};
  visit(head(html), 'element', (node: Element) => {
    const { httpEquiv, content, rel, href } = node.properties;
    if (node.tagName === 'meta' && String(httpEquiv).toLowerCase() === 'content-security-policy') facts.csp = String(content);
    if (node.tagName === 'link' && Array.isArray(rel) && rel.includes('icon')) facts.icon = String(href);
  });
  return facts;
}

const ORIGIN = /^https?:\/\/[^/\s"'$\\;,]+$/;

/**
 * Reads a built site: its base (from the home page's icon link), every page's CSP <meta> (a page
 * without one is refused: the header would then be its only policy), and its files' cache rules.
 */
export function readSite(dir: string, { cors }: { cors?: string } = {}): DeploySite {
  const home = join(dir, 'index.html');
  const where = (file: string, field: string, message: string) => new DeployProblem({ file: posix(file), field, message });
  if (!statSync(home, { throwIfNoEntry: false })?.isFile()) {
    throw where(home, '(file)', `expected a built site, found no ${posix(home)}; run npm run build first (OUT_DIR=${posix(dir)} if it builds elsewhere)`);
  }
  if (cors !== undefined && cors !== '*' && !ORIGIN.test(cors)) {
    throw where('--cors', 'origin', `expected an origin such as https://hub.example (scheme and host, no path) or *, found "${cors}"`);
  }
  const icon = headFacts(readFileSync(home, 'utf8')).icon;
  if (!icon?.endsWith('favicon.svg') || !icon.startsWith('/')) {
    throw where(home, 'head', `expected <link rel="icon" href="<base>favicon.svg"> (the layout's), found ${icon ? `"${icon}"` : 'none'}; build with npm run build`);
  }
  const base = icon.slice(0, -'favicon.svg'.length);
  const pages = filesUnder(dir).filter((f) => f.endsWith('.html') && !posix(relative(dir, f)).startsWith('pagefind/'));
  const policies = pages.map((page) => {
    const csp = headFacts(readFileSync(page, 'utf8')).csp;
    if (!csp) throw where(page, 'head', 'expected a <meta http-equiv="Content-Security-Policy"> (Astro writes one into every page), found none; build with npm run build');
    return csp;
  });
  return {
    dir: posix(dir),
    base,
    csp: mergePolicies(policies),
    shortCsp: mergePolicies(policies, { withoutHashes: true }),
    rules: cacheRules(dir),
    ...(cors ? { cors } : {}),
  };
}
