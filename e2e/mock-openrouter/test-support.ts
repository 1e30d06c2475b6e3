// Helpers for the mock's own tests: the openai SDK pointed at the mock, raw fetch, and a reference
// SSE parser (WHATWG rules) to check framing independently of the SDK.
import OpenAI from 'openai';
import type { MockOpenRouter } from './server';

export const USER_MESSAGES = [{ role: 'user' as const, content: 'Hello mock' }];

/** The SDK as the product builds it, with retries off unless a test asks for them. */
export function sdk(mock: MockOpenRouter, options: ConstructorParameters<typeof OpenAI>[0] = {}): OpenAI {
  return new OpenAI({ baseURL: mock.baseURL, apiKey: mock.apiKey, maxRetries: 0, ...options });
}

/** POST /chat/completions with the mock's key. */
export function chat(mock: MockOpenRouter, body: Record<string, unknown>, init: RequestInit = {}): Promise<Response> {
  return fetch(`${mock.baseURL}/chat/completions`, {
    method: 'POST',
    ...init,
    headers: { authorization: `Bearer ${mock.apiKey}`, 'content-type': 'application/json', ...init.headers },
    body: JSON.stringify({ model: 'mock/json-strict', messages: USER_MESSAGES, ...body }),
  });
}

export function get(mock: MockOpenRouter, path: string, key: string | null = mock.apiKey): Promise<Response> {
  return fetch(`${mock.baseURL}${path}`, { headers: key === null ? {} : { authorization: `Bearer ${key}` } });
}

/** Every chunk of a body as received, plus the decoded text. */
export async function readChunks(res: Response): Promise<{ chunks: Uint8Array[]; text: string }> {
  const chunks: Uint8Array[] = [];
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return { chunks, text: Buffer.concat(chunks).toString('utf8') };
}

export interface SseEvent {
  data: string;
  event?: string;
  id?: string;
}

/** Parses an SSE body the way the WHATWG spec says: any line ending, comments, fields, multi-line data. */
export function parseSse(text: string): { events: SseEvent[]; comments: string[] } {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') {
      if (data.length) events.push({ data: data.join('\n'), event, id });
      data = [];
      event = undefined;
      continue;
    }
    if (line.startsWith(':')) {
      comments.push(line);
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  }
  return { events, comments };
}

/** The JSON payloads of a parsed stream up to (not including) `[DONE]`. */
export function jsonFrames(text: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const e of parseSse(text).events) {
    if (e.data === '[DONE]') break;
    out.push(JSON.parse(e.data) as Record<string, unknown>);
  }
  return out;
}

/** Concatenated `delta.content` of a stream's frames. */
export const contentOf = (frames: Array<Record<string, unknown>>): string =>
  frames
    .map((f) => ((f.choices as Array<{ delta?: { content?: string } }> | undefined)?.[0]?.delta?.content ?? ''))
    .join('');

/** Runs an SDK stream to the end and returns its chunks. */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

export const sdkText = (chunks: OpenAI.Chat.Completions.ChatCompletionChunk[]): string =>
  chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection');
}
