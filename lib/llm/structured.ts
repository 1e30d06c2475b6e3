import '../util/zod-config';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { ChatBody, ChatMessage } from './stream';

/**
 * Structured outputs validated with zod (mock-spec §1.8, §2.5). With a model that supports
 * `json_schema` the schema goes in `response_format` (strict) and routing is limited to endpoints
 * that honour it (`provider.require_parameters`); otherwise the schema goes into the instructions.
 * Either way the answer is validated here: strict mode is a hint on many providers. A failed answer
 * gets one repair request with the validation errors, then a clear `invalid_output`.
 *
 * Schemas follow the strict-mode rules of the SDK helper: optional data is `.nullable()`, not
 * `.optional()`; objects are closed.
 */

export interface StructuredSpec<T = unknown> {
  /** `^[a-zA-Z0-9_-]{1,64}$`, sent as the schema name. */
  name: string;
  schema: z.ZodType<T>;
}

/** What a structured request adds to the body. */
export function structuredBody(spec: StructuredSpec, supportsStructured: boolean): Pick<ChatBody, 'response_format' | 'provider'> & { instructions?: string } {
  if (supportsStructured) {
    return {
      response_format: zodResponseFormat(spec.schema as z.ZodType, spec.name),
      provider: { require_parameters: true },
    };
  }
  const jsonSchema = z.toJSONSchema(spec.schema as z.ZodType, { target: 'draft-7' });
  return {
    instructions: [
      'Answer with one JSON value only: no prose before or after it, no Markdown code fence.',
      `It must validate against this JSON Schema (named "${spec.name}"):`,
      JSON.stringify(jsonSchema),
    ].join('\n'),
  };
}

/** Adds the JSON instructions to the system message (or a new one first). */
export function withInstructions(messages: ChatMessage[], instructions: string | undefined): ChatMessage[] {
  if (!instructions) return messages;
  const [first, ...rest] = messages;
  if (first?.role === 'system') return [{ role: 'system', content: `${first.content}\n\n${instructions}` }, ...rest];
  return [{ role: 'system', content: instructions }, ...messages];
}

export type ParseResult<T> =
  | { ok: true; value: T; /** The text needed local repair (fence, prose, trailing commas). */ repaired: boolean }
  | { ok: false; reason: 'no_json' | 'invalid_json' | 'schema'; issues: string[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that drops keys which could pollute prototypes when the value is merged into state. */
export function safeJsonParse(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
}

/** The first balanced JSON object or array in a text, respecting strings and escapes. */
export function extractJson(text: string): string | undefined {
  const fence = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(text);
  const source = fence ? fence[1]! : text;
  const start = source.search(/[{[]/);
  if (start === -1) return undefined;
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (let i = start; i < source.length; i += 1) {
    const ch = source[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return undefined;
      if (stack.length === 0) return source.slice(start, i + 1);
    }
  }
  return undefined;
}

/** Removes commas before a closing bracket, outside strings. */
export function stripTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < json.length; i += 1) {
    const ch = json[i]!;
    if (inString) {
      out += ch;
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      const next = /^\s*([}\]])/.exec(json.slice(i + 1));
      if (next) continue;
    }
    out += ch;
  }
  return out;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/** Validates a model's answer: exact JSON first, then a fenced or embedded JSON value, then without trailing commas. */
export function parseStructured<T>(text: string, schema: z.ZodType<T>): ParseResult<T> {
  const trimmed = text.trim().replace(/^\uFEFF/, '');
  const candidates: Array<{ json: string; repaired: boolean }> = [{ json: trimmed, repaired: false }];
  const extracted = extractJson(trimmed);
  if (extracted && extracted !== trimmed) candidates.push({ json: extracted, repaired: true });
  let parsed: { value: unknown; repaired: boolean } | undefined;
  for (const candidate of candidates) {
    for (const [json, repaired] of [
      [candidate.json, candidate.repaired],
      [stripTrailingCommas(candidate.json), true],
    ] as const) {
      try {
        parsed = { value: safeJsonParse(json), repaired };
        break;
      } catch {
        // try the next form
      }
    }
    if (parsed) break;
  }
  if (!parsed) {
    return extracted || /^[{[]/.test(trimmed)
      ? { ok: false, reason: 'invalid_json', issues: ['The answer is not valid JSON.'] }
      : { ok: false, reason: 'no_json', issues: ['The answer contains no JSON object.'] };
  }
  const result = schema.safeParse(parsed.value);
  if (!result.success) return { ok: false, reason: 'schema', issues: describeIssues(result.error) };
  return { ok: true, value: result.data, repaired: parsed.repaired };
}

/** The one repair request: the conversation, the rejected answer, and what was wrong with it. */
export function repairMessages(messages: ChatMessage[], answer: string, issues: string[]): ChatMessage[] {
  return [
    ...messages,
    { role: 'assistant', content: answer.slice(0, 20_000) },
    {
      role: 'user',
      content: [
        'That answer does not match the required JSON schema:',
        ...issues.map((i) => `- ${i}`),
        'Reply again with only the corrected JSON value, nothing else.',
      ].join('\n'),
    },
  ];
}
