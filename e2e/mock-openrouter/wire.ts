import type { ServerResponse } from 'node:http';
import type { Scenario, SplitWrites } from './types';

// Bytes on the wire: SSE frame encoding (line endings, multi-line data, extra fields) and a body writer
// that splits writes, trickles bytes, resets the socket after N bytes, and stops when the client leaves.

export const DEFAULT_COMMENT = ': OPENROUTER PROCESSING';

export interface FrameStyle {
  lineEnding: string;
  multiLineData: boolean;
  dataNoSpace: boolean;
  extraFields: boolean;
}

export const frameStyle = (s: Scenario): FrameStyle => ({
  lineEnding: s.lineEnding ?? '\n',
  multiLineData: s.multiLineData ?? false,
  dataNoSpace: s.dataNoSpace ?? false,
  extraFields: s.extraFields ?? false,
});

let eventId = 0;

/** One `data:` event. Objects are JSON; strings (`[DONE]`, malformed JSON) are sent as they are. */
export function encodeData(payload: unknown, style: FrameStyle): string {
  const eol = style.lineEnding;
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, style.multiLineData ? 1 : undefined);
  const lines = typeof payload === 'string' || !style.multiLineData ? [text] : text.split('\n');
  const prefix = style.dataNoSpace ? 'data:' : 'data: ';
  const extra = style.extraFields
    ? [`id: ${++eventId}`, 'event: message', 'retry: 3000', 'x-mock-unknown-field: ignore me', 'fieldwithoutcolon'].map((l) => l + eol).join('')
    : '';
  return `${extra}${lines.map((line) => prefix + line + eol).join('')}${eol}`;
}

export const encodeComment = (text: string, style: FrameStyle): string => `${text}${style.lineEnding}${style.lineEnding}`;

/** Resolves after `ms`, or early (with false) when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return new Promise((resolve) => setImmediate(() => resolve(!signal.aborted)));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const untilAborted = (signal: AbortSignal): Promise<void> =>
  signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

/** A small deterministic PRNG for `splitWrites: "random"`. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where to cut one buffer: for `midUtf8`, inside every multi-byte sequence; otherwise by size. */
export function splitPoints(buf: Buffer, mode: SplitWrites, random: () => number, cursor: { i: number }): number[] {
  const points: number[] = [];
  if (mode === 'midUtf8') {
    for (let i = 1; i < buf.length; i++) {
      const byte = buf[i] ?? 0;
      const prev = buf[i - 1] ?? 0;
      // A continuation byte right after a lead byte: the cut lands inside the character.
      if ((byte & 0xc0) === 0x80 && (prev & 0xc0) === 0xc0) points.push(i);
    }
    // Frames without multi-byte text are still cut once, inside the JSON.
    if (points.length === 0 && buf.length > 1) points.push(Math.floor(buf.length / 2));
    return points;
  }
  let at = 0;
  for (;;) {
    let size: number;
    if (mode === 'byte') size = 1;
    else if (mode === 'random') size = 1 + Math.floor(random() * 16);
    else size = Math.max(1, mode[cursor.i++ % Math.max(1, mode.length)] ?? 1);
    at += size;
    if (at >= buf.length) return points;
    points.push(at);
  }
}

export interface BodyWriterOptions {
  scenario: Scenario;
  signal: AbortSignal;
  /** Called after each write with the byte count. */
  onWrite: (bytes: number) => void;
  /** Called just before the socket is destroyed on purpose. */
  onReset: () => void;
}

/** Writes a response body under the scenario's transport faults. `write` returns false once the body is dead. */
export function createBodyWriter(res: ServerResponse, { scenario, signal, onWrite, onReset }: BodyWriterOptions) {
  const random = mulberry32(scenario.seed ?? 1);
  const cursor = { i: 0 };
  let sent = 0;
  let dead = false;
  const rate = scenario.trickleBytesPerSec;
  const sliceSize = rate ? Math.max(1, Math.ceil(rate / 50)) : Infinity;

  async function raw(chunk: Buffer): Promise<boolean> {
    if (dead || signal.aborted || res.destroyed) return false;
    const resetAt = scenario.reset?.afterBytes;
    if (resetAt !== undefined && sent + chunk.length >= resetAt) {
      const head = chunk.subarray(0, Math.max(0, resetAt - sent));
      if (head.length) await new Promise<void>((resolve) => res.write(head, () => resolve()));
      sent += head.length;
      onWrite(head.length);
      dead = true;
      onReset();
      // Let the bytes leave before the RST; resetAndDestroy drops anything still queued.
      await sleep(5, new AbortController().signal);
      const socket = res.socket;
      if (socket && 'resetAndDestroy' in socket) socket.resetAndDestroy();
      else res.destroy();
      return false;
    }
    sent += chunk.length;
    onWrite(chunk.length);
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    return !signal.aborted && !res.destroyed;
  }

  async function paced(chunk: Buffer): Promise<boolean> {
    if (!rate) return raw(chunk);
    for (let at = 0; at < chunk.length; at += sliceSize) {
      const slice = chunk.subarray(at, at + sliceSize);
      if (!(await raw(slice))) return false;
      if (!(await sleep((slice.length / rate) * 1000, signal))) return false;
    }
    return true;
  }

  return {
    async write(text: string | Buffer): Promise<boolean> {
      const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      if (!scenario.splitWrites) return paced(buf);
      let from = 0;
      for (const point of [...splitPoints(buf, scenario.splitWrites, random, cursor), buf.length]) {
        if (!(await paced(buf.subarray(from, point)))) return false;
        from = point;
        if (point < buf.length && !(await sleep(scenario.splitDelayMs ?? 0, signal))) return false;
      }
      return true;
    },
    get dead() {
      return dead || signal.aborted || res.destroyed;
    },
  };
}

export type BodyWriter = ReturnType<typeof createBodyWriter>;

/** Headers every response carries (§7.1). */
export const EXPOSED_HEADERS = 'X-Generation-Id, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
