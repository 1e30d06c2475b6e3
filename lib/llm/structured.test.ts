import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractJson, parseStructured, repairMessages, safeJsonParse, structuredBody, stripTrailingCommas, withInstructions } from './structured';

const schema = z.strictObject({
  title: z.string(),
  score: z.number().int().min(0).max(100),
  skills: z.array(z.string()),
  note: z.string().nullable(),
});
const good = { title: 'Engineer', score: 80, skills: ['TypeScript'], note: null };
const pretty = JSON.stringify(good, null, 2);

describe('parseStructured', () => {
  it.each<[string, string, boolean]>([
    ['exact JSON', JSON.stringify(good), false],
    ['a Markdown fence', `\`\`\`json\n${pretty}\n\`\`\``, true],
    ['an unlabelled fence', `\`\`\`\n${pretty}\n\`\`\``, true],
    ['prose around the JSON', `Sure! Here it is:\n\n${pretty}\n\nAnything else?`, true],
    ['trailing commas', pretty.replace(/\n(\s*)([}\]])/g, ',\n$1$2'), true],
    ['a BOM and whitespace', `\uFEFF  ${JSON.stringify(good)}\n`, false],
    ['braces inside strings', JSON.stringify({ ...good, title: 'a } b { c ] "q"' }), false],
  ])('accepts %s', (_label, text, repaired) => {
    const result = parseStructured(text, schema);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.repaired).toBe(repaired);
      expect(result.value.skills).toEqual(['TypeScript']);
    }
  });

  it.each<[string, unknown, RegExp]>([
    ['a wrong type', { ...good, score: 'high' }, /score/],
    ['an extra key', { ...good, extra: true }, /extra|Unrecognized/i],
    ['a missing required key', { title: 'x', score: 1, note: null }, /skills/],
    ['null where a value is required', { ...good, title: null }, /title/],
    ['an empty object', {}, /title/],
    ['out of range', { ...good, score: 101 }, /score/],
  ])('rejects %s with the reason and the path', (_label, value, issue) => {
    const result = parseStructured(JSON.stringify(value), schema);
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    if (!result.ok) expect(result.issues.join('\n')).toMatch(issue);
  });

  it('reports invalid and truncated JSON, and answers without JSON', () => {
    expect(parseStructured(`{title: "mock", 'quoted': undefined}`, schema)).toMatchObject({ ok: false, reason: 'invalid_json' });
    expect(parseStructured(pretty.slice(0, 30), schema)).toMatchObject({ ok: false, reason: 'invalid_json' });
    expect(parseStructured('I cannot help with that.', schema)).toMatchObject({ ok: false, reason: 'no_json' });
  });

  it('drops __proto__, constructor and prototype keys (no prototype pollution)', () => {
    const text = '{"title":"x","score":1,"skills":[],"note":null,"__proto__":{"polluted":true},"nested":{"constructor":{"prototype":{"p":1}}}}';
    const loose = z.object({ title: z.string(), nested: z.object({}).loose() }).loose();
    const result = parseStructured(text, loose);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.value)).not.toContain('__proto__');
      expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
      expect(result.value.nested).toEqual({});
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(safeJsonParse('{"a":{"__proto__":{"x":1}}}')).toEqual({ a: {} });
  });

  it('handles huge arrays and deep nesting', () => {
    const big = z.strictObject({ items: z.array(z.number()) });
    expect(parseStructured(JSON.stringify({ items: Array.from({ length: 50_000 }, (_, i) => i) }), big).ok).toBe(true);
    type Deep = { child: Deep | null };
    const deep: z.ZodType<Deep> = z.lazy(() => z.strictObject({ child: deep.nullable() }));
    let value: Deep = { child: null };
    for (let i = 0; i < 200; i += 1) value = { child: value };
    expect(parseStructured(JSON.stringify(value), deep).ok).toBe(true);
  });
});

describe('helpers', () => {
  it('extractJson finds the first balanced value and gives up on unbalanced text', () => {
    expect(extractJson('x {"a":[1,{"b":"}"}]} y {"c":2}')).toBe('{"a":[1,{"b":"}"}]}');
    expect(extractJson('{"a": [1, 2}')).toBeUndefined();
    expect(extractJson('no json')).toBeUndefined();
  });

  it('stripTrailingCommas leaves commas inside strings alone', () => {
    expect(stripTrailingCommas('{"a":"x,]","b":[1,2,],}')).toBe('{"a":"x,]","b":[1,2]}');
  });

  it('structuredBody: json_schema (strict) + require_parameters when supported, instructions otherwise', () => {
    const supported = structuredBody({ name: 'analysis', schema }, true);
    expect(supported.provider).toEqual({ require_parameters: true });
    expect(supported.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'analysis', strict: true, schema: { type: 'object', additionalProperties: false, required: ['title', 'score', 'skills', 'note'] } },
    });
    expect(JSON.parse(JSON.stringify(supported.response_format))).toMatchObject({ type: 'json_schema' });
    const fallback = structuredBody({ name: 'analysis', schema }, false);
    expect(fallback.response_format).toBeUndefined();
    expect(fallback.provider).toBeUndefined();
    expect(fallback.instructions).toContain('"required":["title","score","skills","note"]');
  });

  it('withInstructions extends the system message or adds one', () => {
    expect(withInstructions([{ role: 'system', content: 'S' }, { role: 'user', content: 'U' }], 'J')).toEqual([
      { role: 'system', content: 'S\n\nJ' },
      { role: 'user', content: 'U' },
    ]);
    expect(withInstructions([{ role: 'user', content: 'U' }], 'J')[0]).toEqual({ role: 'system', content: 'J' });
    expect(withInstructions([{ role: 'user', content: 'U' }], undefined)).toHaveLength(1);
  });

  it('repairMessages sends the answer back with the issues', () => {
    const messages = repairMessages([{ role: 'user', content: 'U' }], '{"bad":1}', ['score: expected number']);
    expect(messages.slice(1)).toEqual([
      { role: 'assistant', content: '{"bad":1}' },
      { role: 'user', content: expect.stringContaining('- score: expected number') },
    ]);
  });
});
