import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockOpenRouter, type MockOpenRouter } from './index';
import {
  chat,
  collect,
  contentOf,
  jsonFrames,
  parseSse,
  readChunks,
  sdk,
  sdkText,
  USER_MESSAGES,
} from './test-support';

// §7.5 successful responses: the default SSE sequence, the JSON shape, usage and cost, and the content
// generators (structured outputs, tool calls, reasoning, echo, huge).

let mock: MockOpenRouter;
beforeAll(async () => {
  mock = await createMockOpenRouter();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const SCHEMA = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    years: { type: 'integer' },
    remote: { type: 'boolean' },
    skills: { type: 'array', items: { type: 'string' } },
    salary: { anyOf: [{ type: 'number' }, { type: 'null' }] },
  },
  required: ['title', 'years', 'remote', 'skills', 'salary'],
  additionalProperties: false,
};
const JSON_SCHEMA_FORMAT = { type: 'json_schema', json_schema: { name: 'job', strict: true, schema: SCHEMA } };

describe('streaming: the default frame sequence', () => {
  it('sends a comment, a role frame, content, a terminal frame, a usage frame with empty choices, then [DONE]', async () => {
    const res = await chat(mock, { stream: true, messages: [{ role: 'user', content: 'Hi' }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const generationId = res.headers.get('x-generation-id');
    expect(generationId).toMatch(/^gen-[A-Za-z0-9_-]{18}$/);

    const { text } = await readChunks(res);
    expect(text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const frames = jsonFrames(text);
    expect(frames.every((f) => f.id === generationId && f.object === 'chat.completion.chunk' && f.provider === 'MockProvider')).toBe(true);
    expect(frames[0]?.choices).toEqual([
      { index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, native_finish_reason: null, logprobs: null },
    ]);
    expect(frames.slice(1, 4).map((f) => (f.choices as Array<{ delta: { content: string } }>)[0]?.delta.content)).toHaveLength(3);
    expect(contentOf(frames)).toBe('This is a mock reply from mock/json-strict.');
    const terminal = frames.at(-2) as { choices: Array<Record<string, unknown>> };
    expect(terminal.choices[0]).toMatchObject({ delta: { content: '' }, finish_reason: 'stop', native_finish_reason: 'stop' });
    const usageFrame = frames.at(-1) as { choices: unknown[]; usage: Record<string, unknown> };
    expect(usageFrame.choices).toEqual([]);
    // ceil(chars(JSON(messages)) / 4) and ceil(chars(content) / 4); prices 0.000001 / 0.000002 per token.
    const prompt = Math.ceil(JSON.stringify([{ role: 'user', content: 'Hi' }]).length / 4);
    const completion = Math.ceil('This is a mock reply from mock/json-strict.'.length / 4);
    expect(usageFrame.usage).toEqual({
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      cost: Number((prompt * 0.000001 + completion * 0.000002).toFixed(12)),
      is_byok: false,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
      cost_details: { upstream_inference_cost: null },
    });
  });

  it('streams through the openai SDK, usage chunk included (choices[0] is absent there)', async () => {
    const stream = await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES, stream: true });
    const chunks = await collect(stream);
    expect(sdkText(chunks)).toBe('This is a mock reply from mock/json-strict.');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('emits the usage on a repeated choice with usageFrameStyle "repeat-choice"', async () => {
    mock.enqueue({ usageFrameStyle: 'repeat-choice' });
    const frames = jsonFrames((await readChunks(await chat(mock, { stream: true }))).text);
    const last = frames.at(-1) as { choices: Array<Record<string, unknown>>; usage: unknown };
    expect(last.usage).toBeDefined();
    expect(last.choices[0]).toMatchObject({ delta: { role: 'assistant', content: '' }, finish_reason: 'stop' });
  });

  it('splits content per word or per character', async () => {
    mock.enqueue({ content: 'one two three four', pieces: 'word' }, { content: 'añ😀', pieces: 'char' });
    const words = jsonFrames((await readChunks(await chat(mock, { stream: true }))).text);
    expect(words.slice(1, -2).map((f) => contentOf([f]))).toEqual(['one ', 'two ', 'three ', 'four']);
    const chars = jsonFrames((await readChunks(await chat(mock, { stream: true }))).text);
    expect(chars.slice(1, -2).map((f) => contentOf([f]))).toEqual(['a', 'ñ', '😀']);
  });
});

describe('non-streaming', () => {
  it('answers chat.completion with message, finish reasons, logprobs and usage, through the SDK', async () => {
    const { data, response } = await sdk(mock)
      .chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES })
      .withResponse();
    expect(response.headers.get('x-generation-id')).toBe(data.id);
    expect(data).toMatchObject({
      object: 'chat.completion',
      model: 'mock/json-strict',
      provider: 'MockProvider',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'This is a mock reply from mock/json-strict.' },
          finish_reason: 'stop',
          native_finish_reason: 'stop',
          logprobs: null,
        },
      ],
    });
    expect(data.usage).toMatchObject({ prompt_tokens: expect.any(Number), cost: expect.any(Number) });
  });

  it('reports the served model when it differs (provider fallback)', async () => {
    mock.enqueue({ servedModel: 'openai/gpt-4o-mini' });
    const data = await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES });
    expect(data.model).toBe('openai/gpt-4o-mini');
    expect(mock.lastRequest()?.servedModel).toBe('openai/gpt-4o-mini');
  });

  it.each(['stop', 'length', 'content_filter', 'tool_calls', 'error', null] as const)('finishReason %s', async (reason) => {
    mock.enqueue({ finishReason: reason, nativeFinishReason: reason === 'stop' ? 'end_turn' : undefined });
    const data = await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES });
    expect(data.choices[0]?.finish_reason).toBe(reason);
    expect((data.choices[0] as unknown as { native_finish_reason: unknown }).native_finish_reason).toBe(reason === 'stop' ? 'end_turn' : reason);
  });

  it('keeps finish_reason null in the stream for finishReason null', async () => {
    mock.enqueue({ finishReason: null });
    const chunks = await collect(await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES, stream: true }));
    expect(chunks.some((c) => c.choices[0]?.finish_reason)).toBe(false);
  });
});

describe('usage and cost', () => {
  it('computes cost with decimals (no float drift) and charges the key', async () => {
    const content = 'x'.repeat(40);
    mock.enqueue({ content }, { content });
    const model = 'openai/gpt-4o-mini'; // 0.00000015 / 0.0000006 per token
    const a = await sdk(mock).chat.completions.create({ model, messages: USER_MESSAGES });
    const usage = a.usage as unknown as { prompt_tokens: number; cost: number };
    const expected = (usage.prompt_tokens * 15 + 10 * 60) / 1e8;
    expect(usage.cost).toBe(expected);
    await sdk(mock).chat.completions.create({ model, messages: USER_MESSAGES });
    expect(mock.keyInfo()?.usage).toBe((2 * (usage.prompt_tokens * 15 + 10 * 60)) / 1e8);
  });

  it('costs nothing on :free models', async () => {
    const data = await sdk(mock).chat.completions.create({ model: 'mock/free:free', messages: USER_MESSAGES });
    expect((data.usage as unknown as { cost: number }).cost).toBe(0);
  });

  it('omits usage, omits cost, nulls cost, sets cost, and merges overrides such as is_byok', async () => {
    mock.enqueue({ omitUsage: true }, { omitCost: true }, { costNull: true }, { cost: 0.95, usage: { is_byok: true, cost_details: { upstream_inference_cost: 19 } } });
    const client = sdk(mock);
    const ask = () => client.chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES });
    expect((await ask()).usage).toBeUndefined();
    expect((await ask()).usage).not.toHaveProperty('cost');
    expect((await ask()).usage).toHaveProperty('cost', null);
    expect((await ask()).usage).toMatchObject({ cost: 0.95, is_byok: true, cost_details: { upstream_inference_cost: 19 } });
  });

  it('omits the usage frame in a stream with omitUsage', async () => {
    mock.enqueue({ omitUsage: true });
    const frames = jsonFrames((await readChunks(await chat(mock, { stream: true }))).text);
    expect(frames.some((f) => 'usage' in f)).toBe(false);
  });
});

describe('structured outputs', () => {
  it('streams JSON matching the request schema on a model with structured outputs', async () => {
    const stream = await sdk(mock).chat.completions.create({
      model: 'mock/json-strict',
      messages: USER_MESSAGES,
      response_format: JSON_SCHEMA_FORMAT as never,
      stream: true,
    });
    const parsed = JSON.parse(sdkText(await collect(stream))) as Record<string, unknown>;
    expect(parsed).toEqual({ title: 'mock title', years: 1, remote: true, skills: ['mock skills'], salary: 0.5 });
  });

  it('answers JSON mode (json_object) with an object', async () => {
    const data = await sdk(mock).chat.completions.create({
      model: 'mock/json-strict',
      messages: USER_MESSAGES,
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(data.choices[0]?.message.content ?? '')).toEqual({ result: 'mock result' });
  });

  it('ignores the schema on a model without structured outputs (fenced JSON)', async () => {
    const data = await sdk(mock).chat.completions.create({
      model: 'mock/no-structured',
      messages: USER_MESSAGES,
      response_format: JSON_SCHEMA_FORMAT as never,
    });
    expect(data.choices[0]?.message.content).toMatch(/^```json\n\{[\s\S]*\}\n```$/);
  });

  it.each([
    ['valid', (t: string) => expect(JSON.parse(t)).toMatchObject({ title: 'mock title' })],
    ['schemaViolating', (t: string) => {
      const v = JSON.parse(t) as Record<string, unknown>;
      expect(typeof v.title).toBe('number');
      expect(v).not.toHaveProperty('salary');
      expect(v).toHaveProperty('unexpected_key', true);
    }],
    ['invalidJson', (t: string) => expect(() => JSON.parse(t)).toThrow()],
    ['fenced', (t: string) => expect(t).toMatch(/^```json\n[\s\S]+\n```$/)],
    ['prose+json', (t: string) => expect(t).toMatch(/^Sure! Here is the JSON[\s\S]*\{[\s\S]*\}[\s\S]*else\.$/)],
    ['trailingComma', (t: string) => {
      expect(t).toMatch(/,\n\s*[}\]]/);
      expect(() => JSON.parse(t)).toThrow();
    }],
    ['emptyObject', (t: string) => expect(t).toBe('{}')],
    ['truncatedJson', (t: string) => expect(() => JSON.parse(t)).toThrow()],
  ] as const)('structured: %s', async (mode, check) => {
    mock.enqueue({ structured: mode });
    const data = await sdk(mock).chat.completions.create({
      model: 'mock/json-strict',
      messages: USER_MESSAGES,
      response_format: JSON_SCHEMA_FORMAT as never,
    });
    check(data.choices[0]?.message.content ?? '');
    expect(data.choices[0]?.finish_reason).toBe(mode === 'truncatedJson' ? 'length' : 'stop');
  });
});

describe('tool calls', () => {
  const tools = [
    {
      type: 'function' as const,
      function: {
        name: 'save_job',
        parameters: { type: 'object', properties: { title: { type: 'string' }, score: { type: 'number' } }, required: ['title', 'score'] },
      },
    },
  ];

  it('streams OpenAI-style fragments of the request tool with schema-valid arguments', async () => {
    mock.enqueue({ toolCalls: true });
    const chunks = await collect(
      await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES, tools, stream: true }),
    );
    const calls = chunks.flatMap((c) => c.choices[0]?.delta?.tool_calls ?? []);
    expect(calls[0]).toMatchObject({ index: 0, id: 'call_mock0', type: 'function', function: { name: 'save_job', arguments: '' } });
    const args = calls.map((c) => c.function?.arguments ?? '').join('');
    expect(calls.length).toBeGreaterThan(2);
    expect(JSON.parse(args)).toEqual({ title: 'mock title', score: 0.5 });
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('sends scripted calls: unknown names, invalid JSON arguments, chosen split points, several calls', async () => {
    mock.enqueue({
      toolCalls: [
        { name: 'not_a_tool', arguments: '{"a": 1,', splitAt: [1, 2, 3] },
        { name: 'save_job', arguments: { title: 'x' }, id: 'call_2' },
      ],
    });
    const res = await chat(mock, { stream: true, tools });
    const frames = jsonFrames((await readChunks(res)).text);
    const deltas = frames.flatMap((f) => (f.choices as Array<{ delta?: { tool_calls?: Array<{ index: number; function: { name?: string; arguments: string } }> } }>)[0]?.delta?.tool_calls ?? []);
    const first = deltas.filter((d) => d.index === 0);
    expect(first.map((d) => d.function.arguments)).toEqual(['', '{', '"', 'a', '": 1,']);
    expect(first[0]?.function.name).toBe('not_a_tool');
    expect(deltas.filter((d) => d.index === 1).map((d) => d.function.arguments).join('')).toBe('{"title":"x"}');
  });

  it('returns message.tool_calls (content null) without streaming', async () => {
    mock.enqueue({ toolCalls: true });
    const data = await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES, tools });
    expect(data.choices[0]?.message.content).toBeNull();
    expect(data.choices[0]?.message.tool_calls?.[0]).toMatchObject({ type: 'function', function: { name: 'save_job' } });
    expect(data.choices[0]?.finish_reason).toBe('tool_calls');
  });
});

describe('reasoning, echo and huge content', () => {
  it('streams reasoning deltas before the content on mock/reasoning and counts reasoning tokens', async () => {
    const res = await chat(mock, { model: 'mock/reasoning', stream: true });
    const frames = jsonFrames((await readChunks(res)).text);
    const reasoning = frames.map((f) => (f.choices as Array<{ delta?: { reasoning?: string } }>)[0]?.delta?.reasoning ?? '').join('');
    expect(reasoning).toBe('Let me think about this step by step. The answer follows.');
    expect((frames[1]?.choices as Array<{ delta: Record<string, unknown> }>)[0]?.delta.reasoning_details).toEqual([
      { type: 'reasoning.text', text: expect.any(String), format: 'unknown', index: 0 },
    ]);
    const usage = frames.at(-1)?.usage as { completion_tokens_details: { reasoning_tokens: number } };
    expect(usage.completion_tokens_details.reasoning_tokens).toBe(Math.ceil(reasoning.length / 4));
  });

  it('sends only reasoning and an empty content with reasoningOnly', async () => {
    mock.enqueue({ reasoningOnly: true });
    const frames = jsonFrames((await readChunks(await chat(mock, { stream: true }))).text);
    expect(contentOf(frames)).toBe('');
    expect(frames.some((f) => JSON.stringify(f).includes('"reasoning":"Thinking'))).toBe(true);
    mock.enqueue({ reasoningOnly: true });
    const data = await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES });
    expect(data.choices[0]?.message.content).toBe('');
  });

  it('echoes the last user message (text parts too) with echoPrompt', async () => {
    mock.enqueue({ echoPrompt: true });
    const data = await sdk(mock).chat.completions.create({
      model: 'mock/json-strict',
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: [{ type: 'text', text: 'Dear [NAME_1],' }, { type: 'text', text: 'call [PHONE_1]' }] },
      ],
    });
    expect(data.choices[0]?.message.content).toBe('Dear [NAME_1],\ncall [PHONE_1]');
  });

  it('streams n MB of content with hugeContent', async () => {
    mock.enqueue({ hugeContent: 0.5 });
    const chunks = await collect(await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES, stream: true }));
    expect(sdkText(chunks)).toHaveLength(512 * 1024);
  });

  it('uses explicit content verbatim, edge cases included', async () => {
    const content = '<script>alert(1)</script> [x](javascript:alert(1)) \u202Eevil\u200B 🧪';
    mock.enqueue({ content });
    const text = (await readChunks(await chat(mock, { stream: true }))).text;
    expect(contentOf(jsonFrames(text))).toBe(content);
    expect(parseSse(text).comments).toEqual([': OPENROUTER PROCESSING']);
  });
});
