/**
 * A tiny static server for a built site, on 127.0.0.1 and a free port, for the browser tests and the bench.
 * Serves `dir` under `base` (e.g. "/kb/"): `/kb/x/` → `dir/x/index.html`; anything missing, or outside
 * `base`, gets `dir/404.html` with status 404. Directories without a trailing slash redirect to it.
 * Does not cache, compress or send a CSP header (the pages carry theirs in a <meta>).
 * `cors` lets any origin read its files (as a site other sites' search merges must; README,
 * "Search across teams"); `port` asks for a given port instead of a free one.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export interface Served {
  /** Origin and base, e.g. "http://127.0.0.1:41234/kb/". */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
const isDir = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

export async function serve(dir: string, base = '/', { cors = false, port: wanted = 0 } = {}): Promise<Served> {
  const root = normalize(dir);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const rel = decodeURIComponent(pathname.slice(base.length));
      const path = normalize(join(root, rel));
      if (path === root || path.startsWith(root + sep)) {
        if (isDir(path) && !pathname.endsWith('/') && isFile(join(path, 'index.html'))) {
          res.writeHead(301, { location: `${pathname}/` }).end();
          return;
        }
        file = isDir(path) ? join(path, 'index.html') : path;
      }
    }
    const found = file !== undefined && isFile(file);
    const send = found ? file! : join(root, '404.html');
    if (!found && !isFile(send)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(found ? 200 : 404, {
      'content-type': types[extname(send)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(cors ? { 'access-control-allow-origin': '*' } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(send).pipe(res);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(wanted, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
