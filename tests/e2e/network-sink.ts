import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NetworkSink {
  /** Give this to the browser as its proxy; loopback traffic bypasses it, everything else lands here. */
  proxyUrl: string;
  /** Every request that tried to leave the machine: "GET http://host/path" or "CONNECT host:443". */
  hits: string[];
  close(): Promise<void>;
}

/**
 * A proxy that refuses everything and writes down what it was asked for. Chromium sends every non-loopback
 * request of every target through it — pages, the service worker, and the offscreen document, whose requests
 * Playwright's context.on('request') does not report — so an empty `hits` means nothing tried to leave 127.0.0.1.
 */
export async function startNetworkSink(): Promise<NetworkSink> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    hits.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
