import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A request that is answered only when the test says so, on 127.0.0.1. A page that fetches it with a
 * synchronous XHR keeps its main thread busy until then, so nothing can run in the page meanwhile
 * (an injected content script waits too): a deterministic way to hold a page "in the middle of" work.
 */
export interface Gate {
  url: string;
  /** Resolves when the page's request has arrived (the page is now blocked). */
  arrived: Promise<void>;
  open(): void;
  close(): Promise<void>;
}

export async function startGate(): Promise<Gate> {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const waiting: http.ServerResponse[] = [];
  let opened = false;
  const answer = (res: http.ServerResponse) => res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' }).end('open');
  const server = http.createServer((_req, res) => {
    arrive();
    if (opened) answer(res);
    else waiting.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/gate`,
    arrived,
    open() {
      opened = true;
      for (const res of waiting.splice(0)) answer(res);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of waiting.splice(0)) res.destroy();
        server.close(() => resolve());
      }),
  };
}
