import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = resolve(fileURLToPath(new URL('../fixtures', import.meta.url)));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  url(path: string): string;
  /** Every request the server received, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Serves tests/fixtures/ (or `root`) on 127.0.0.1 at a random free port. */
export async function startFixtureServer(root: string = FIXTURES_DIR): Promise<FixtureServer> {
  const requests: ServedRequest[] = [];
  const verbose = process.env.KIJI_E2E_VERBOSE === '1';
  const server: Server = createServer((req, res) => {
    const path = safeDecode(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path));
    let status = 200;
    if (!file.startsWith(root + sep) || !isFile(file)) {
      status = 404;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    } else {
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(res);
    }
    requests.push({ method: req.method ?? 'GET', path, status });
    if (verbose) console.log(`[fixture-server] ${req.method} ${path} ${status}`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin + '/').href,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
