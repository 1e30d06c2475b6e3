import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** URL of a fixture page. Each call adds a unique query so tab targets can be told apart. */
  url(page: string): string;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

let visit = 0;

export interface StaticServerOptions {
  /** Serve HTML files only (saved corpus pages: their other files are not served). */
  htmlOnly?: boolean;
  /** A Content-Security-Policy header for every page, e.g. `script-src 'none'` for saved pages. */
  csp?: string;
}

/** Serves `root` on 127.0.0.1 at a random port; nothing outside `root`, GET/HEAD only. */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`);
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !file.startsWith(base + path.sep) || (options.htmlOnly && !/\.html?$/i.test(file))) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await fs.readFile(file);
        res.writeHead(200, {
          'content-type': types[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          ...(options.csp ? { 'content-security-policy': options.csp } : {}),
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (page) => `${origin}/${page.replace(/^\//, '')}?visit=${++visit}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
