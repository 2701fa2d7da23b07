// The preview's HTTP server: 127.0.0.1 only, and only for requests that name
// it as 127.0.0.1 or localhost (a web page elsewhere cannot reach it through
// a DNS name of its own). It serves the page, its script, pdf.js from the
// installed pdfjs-dist, the last good PDF, the state as JSON, and a stream of
// server-sent events that says when a build has finished. Nothing it serves
// comes from the network.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { resolveNearProgram } from '../io/lazy-require.js';
import { PAGE_HTML, PAGE_SCRIPT } from './page.js';
import type { PreviewSession } from './session.js';

export const HOST = '127.0.0.1';

/** The pdf.js files the page loads, from pdfjs-dist's build folder. */
const PDFJS_FILES = new Set(['pdf.min.mjs', 'pdf.worker.min.mjs']);

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function pdfjsFolder(): string {
  return join(dirname(resolveNearProgram('pdfjs-dist/package.json')), 'build');
}

/** True when the request names this server by its loopback address or `localhost`. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

function events(req: IncomingMessage, res: ServerResponse, session: PreviewSession, clients: Set<ServerResponse>): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
  res.write(`retry: 500\nevent: build\ndata: ${JSON.stringify({ version: session.state().version })}\n\n`);
  clients.add(res);
  req.on('close', () => clients.delete(res));
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function handle(req: IncomingMessage, res: ServerResponse, session: PreviewSession, clients: Set<ServerResponse>, port: number): Promise<void> {
  if (!hostAllowed(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'bulletin preview answers only to 127.0.0.1 and localhost\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'only GET\n');
  const path = new URL(req.url ?? '/', `http://${HOST}`).pathname;
  if (path === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE_HTML);
  if (path === '/preview.js') return send(res, 200, 'text/javascript; charset=utf-8', PAGE_SCRIPT);
  if (path === '/state') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(session.state()));
  if (path === '/events') return events(req, res, session, clients);
  if (path === '/bulletin.pdf') {
    const pdf = session.pdf();
    return pdf ? send(res, 200, 'application/pdf', pdf) : send(res, 404, 'text/plain; charset=utf-8', 'no PDF yet: the bulletin has errors\n');
  }
  const pdfjs = /^\/pdfjs\/([\w.-]+)$/.exec(path);
  if (pdfjs && PDFJS_FILES.has(pdfjs[1])) return send(res, 200, 'text/javascript; charset=utf-8', await readFile(join(pdfjsFolder(), pdfjs[1])));
  return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

/** Listens on 127.0.0.1:`port` (0: any free port). Rejects with EADDRINUSE when the port is taken. */
export async function startServer(session: PreviewSession, port: number): Promise<RunningServer> {
  const clients = new Set<ServerResponse>();
  let bound = port;
  const server: Server = createServer((req, res) => {
    handle(req, res, session, clients, bound).catch((e) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `bulletin preview: ${(e as Error)?.message ?? String(e)}\n`);
      else res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => {
      server.off('error', fail);
      done();
    });
  });
  bound = (server.address() as AddressInfo).port;
  session.onBuild((s) => {
    for (const c of clients) c.write(`event: build\ndata: ${JSON.stringify({ version: s.version, ok: s.ok })}\n\n`);
  });
  // A comment now and then keeps idle connections (and proxies) from timing the stream out.
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': still here\n\n');
  }, 15_000);
  heartbeat.unref();
  return {
    url: `http://${HOST}:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(heartbeat);
        for (const c of clients) c.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
