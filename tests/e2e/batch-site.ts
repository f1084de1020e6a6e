import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PAGES_DIR } from './harness';

/** The pages a batch test audits, with the outcome each must get. */
export interface BatchPage {
  url: string;
  outcome: 'audited' | 'timed-out' | 'load-failed' | 'not-web';
  /** The page ends up elsewhere (a redirect). */
  redirects?: boolean;
}

const FIXTURES = [
  'compliant-home.html',
  'icp-linked.html',
  'no-disclosures.html',
  'evidence-shop.html',
  'untrusted-home.html',
  'article.html',
  'late-footer.html',
  'spa.html',
];

/**
 * A local site for batches: fixture pages, one answering after 3 s, one redirecting, a 404, a 500, a JSON file,
 * a page that never stops changing, and (in the list) a port nobody listens on. It counts every request per path,
 * so a test can tell that no page was opened twice.
 */
export async function serveBatchSite(): Promise<{ origin: string; pages: BatchPage[]; requests: Map<string, number>; close(): Promise<void> }> {
  const requests = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') return void res.writeHead(404).end();
    const key = url.pathname + url.search;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    if (url.pathname === '/slow') {
      await new Promise((ok) => setTimeout(ok, 3_000));
      return void send(res, 'compliant-home.html');
    }
    if (url.pathname === '/moved') return void res.writeHead(302, { location: '/compliant-home.html?via=moved' }).end();
    if (url.pathname === '/server-error') return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>500</h1>');
    if (url.pathname === '/data.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"shop":1}');
    const file = url.pathname.slice(1);
    if (FIXTURES.includes(file) || file === 'churn.html') return void send(res, file);
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not found</h1>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const closedPort = await unusedPort();
  const pages: BatchPage[] = [
    ...FIXTURES.map((file) => ({ url: `${origin}/${file}`, outcome: 'audited' as const })),
    ...['compliant-home.html', 'icp-linked.html', 'no-disclosures.html', 'evidence-shop.html', 'untrusted-home.html'].map(
      (file) => ({ url: `${origin}/${file}?copy=2`, outcome: 'audited' as const }),
    ),
    { url: `${origin}/slow`, outcome: 'audited' },
    { url: `${origin}/moved`, outcome: 'audited', redirects: true },
    { url: `${origin}/missing.html`, outcome: 'load-failed' },
    { url: `${origin}/server-error`, outcome: 'load-failed' },
    { url: `http://127.0.0.1:${closedPort}/`, outcome: 'load-failed' },
    { url: `${origin}/data.json`, outcome: 'not-web' },
    { url: `${origin}/churn.html`, outcome: 'timed-out' },
  ];
  return {
    origin,
    pages,
    requests,
    // Chromium keeps connections alive (and a batch page may never stop asking): close them, or close() waits.
    close: () => new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections(); }),
  };
}

async function send(res: import('node:http').ServerResponse, file: string) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(join(PAGES_DIR, file)));
}

/** A port that was free a moment ago: nothing answers there. */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 1;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}
