import type { StructuredMode, ToolCallScript } from './types';

// Deterministic content: text split into frames, JSON generated from a request's schema (valid or
// broken on purpose), and tool calls with their arguments cut into fragments.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of a chat message's content (a string, or text parts). */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : ''))
      .filter(Boolean)
      .join('\n');
  }
  return '';
}

export function lastUserText(messages: unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (isObject(m) && m.role === 'user') return messageText(m.content);
  }
  return '';
}

/** Cuts text into frames without splitting a code point. */
export function splitPieces(text: string, pieces: number | 'word' | 'char'): string[] {
  if (text === '') return [];
  const points = Array.from(text);
  if (pieces === 'char') return points;
  if (pieces === 'word') return text.split(/(?<=\s)(?=\S)/u);
  const count = Math.max(1, Math.min(Math.floor(pieces), points.length));
  return Array.from({ length: count }, (_, i) =>
    points.slice(Math.floor((i * points.length) / count), Math.floor(((i + 1) * points.length) / count)).join(''),
  );
}

export function hugeText(megabytes: number): string {
  const size = Math.max(1, Math.round(megabytes * 1024 * 1024));
  const unit = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. ';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** A value that satisfies a JSON schema (the subset strict mode allows), or the closest guess. */
export function sampleFromSchema(schema: unknown, root: unknown = schema, name = 'value', depth = 0): Json {
  if (!isObject(schema) || depth > 8) return null;
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), root);
    return sampleFromSchema(target, root, name, depth + 1);
  }
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0] as Json;
  const branches = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(branches)) {
    const branch = branches.find((b) => !(isObject(b) && b.type === 'null')) ?? branches[0];
    return sampleFromSchema(branch, root, name, depth + 1);
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const type = types.find((t) => t !== 'null') ?? (types.includes('null') ? 'null' : undefined);
  switch (type ?? (isObject(schema.properties) ? 'object' : undefined)) {
    case 'object': {
      const out: { [key: string]: Json } = {};
      for (const [key, sub] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
        out[key] = sampleFromSchema(sub, root, key, depth + 1);
      }
      return out;
    }
    case 'array': {
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      return Array.from({ length: count }, () => sampleFromSchema(schema.items, root, name, depth + 1));
    }
    case 'string':
      if (schema.format === 'date') return '2024-01-15';
      if (schema.format === 'date-time') return '2024-01-15T09:00:00Z';
      if (schema.format === 'uri') return 'https://example.com/';
      return `mock ${name}`;
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 1;
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return `mock ${name}`;
  }
}

/** The schema a request asks for: `response_format.json_schema.schema`, or a small default object. */
export function requestedSchema(responseFormat: unknown): Schema {
  const fallback: Schema = {
    type: 'object',
    properties: { result: { type: 'string' } },
    required: ['result'],
    additionalProperties: false,
  };
  if (!isObject(responseFormat) || !isObject(responseFormat.json_schema)) return fallback;
  const schema = responseFormat.json_schema.schema;
  return isObject(schema) ? schema : fallback;
}

function violate(valid: Json): Json {
  if (!isObject(valid)) return 'not the object the schema asks for';
  const out: { [key: string]: Json } = { ...(valid as { [key: string]: Json }) };
  const keys = Object.keys(out);
  const first = keys[0];
  if (first !== undefined) {
    const value = out[first];
    out[first] =
      typeof value === 'string' ? 42 : typeof value === 'number' ? 'not a number' : Array.isArray(value) ? { not: 'an array' } : typeof value === 'boolean' ? 'yes' : 'wrong type';
  }
  const last = keys[keys.length - 1];
  if (last !== undefined && last !== first) delete out[last];
  out.unexpected_key = true;
  return out;
}

export interface StructuredContent {
  text: string;
  /** `truncatedJson` ends with `finish_reason: "length"`. */
  finishReason?: 'length';
}

export function structuredContent(mode: StructuredMode, schema: Schema): StructuredContent {
  const valid = sampleFromSchema(schema);
  const pretty = JSON.stringify(valid, null, 2);
  switch (mode) {
    case 'valid':
      return { text: JSON.stringify(valid) };
    case 'schemaViolating':
      return { text: JSON.stringify(violate(valid)) };
    case 'invalidJson':
      return { text: `{result: "mock", 'quoted': undefined}` };
    case 'fenced':
      return { text: `\`\`\`json\n${pretty}\n\`\`\`` };
    case 'prose+json':
      return { text: `Sure! Here is the JSON you asked for:\n\n${pretty}\n\nLet me know if you need anything else.` };
    case 'trailingComma':
      return { text: pretty.replace(/\n(\s*)([}\]])/g, ',\n$1$2') };
    case 'emptyObject':
      return { text: '{}' };
    case 'truncatedJson':
      return { text: pretty.slice(0, Math.max(1, Math.floor(pretty.length * 0.6))), finishReason: 'length' };
  }
}

export interface ToolCallPlan {
  id: string;
  name: string;
  arguments: string;
  fragments: string[];
}

function cutAt(text: string, offsets: number[]): string[] {
  const cuts = [...new Set(offsets.filter((o) => o > 0 && o < text.length))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    out.push(text.slice(from, cut));
    from = cut;
  }
  out.push(text.slice(from));
  return out;
}

/** Tool calls from the script, or (for `true`) a call of the request's first tool with schema-valid arguments. */
export function planToolCalls(script: true | ToolCallScript[], requestTools: unknown): ToolCallPlan[] {
  let calls: ToolCallScript[];
  if (script === true) {
    const first = Array.isArray(requestTools) ? requestTools.find((t) => isObject(t) && isObject(t.function)) : undefined;
    const fn = isObject(first) && isObject(first.function) ? first.function : undefined;
    calls = [
      fn && typeof fn.name === 'string'
        ? { name: fn.name, arguments: JSON.stringify(sampleFromSchema(fn.parameters ?? { type: 'object' })) }
        : { name: 'lookup', arguments: '{}' },
    ];
  } else {
    calls = script;
  }
  return calls.map((call, index) => {
    const args = typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {});
    const third = Math.ceil(args.length / 3);
    return {
      id: call.id ?? `call_mock${index}`,
      name: call.name,
      arguments: args,
      fragments: cutAt(args, call.splitAt ?? [third, third * 2]),
    };
  });
}
