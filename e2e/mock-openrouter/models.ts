import type { ModelFixture } from './types';

// The fixtures §7.3 asks for, plus two real-looking ids for fallback tests. Context lengths are small
// enough that a test can exceed them with a few hundred kilobytes.

const BASIC = ['max_tokens', 'temperature', 'top_p', 'stop', 'seed'];
const STRUCTURED = ['response_format', 'structured_outputs', 'tools', 'tool_choice'];

export const MODEL_FIXTURES: readonly ModelFixture[] = [
  {
    id: 'mock/json-strict',
    name: 'Mock: JSON strict',
    contextLength: 128_000,
    pricing: { prompt: '0.000001', completion: '0.000002' },
    supportedParameters: [...BASIC, ...STRUCTURED],
  },
  {
    id: 'mock/no-structured',
    name: 'Mock: no structured outputs',
    contextLength: 8_192,
    pricing: { prompt: '0.0000005', completion: '0.0000015' },
    supportedParameters: BASIC,
  },
  {
    id: 'mock/free:free',
    name: 'Mock: free',
    contextLength: 32_768,
    pricing: { prompt: '0', completion: '0' },
    supportedParameters: BASIC,
  },
  {
    id: 'mock/slow',
    name: 'Mock: slow stream',
    contextLength: 32_768,
    pricing: { prompt: '0.000001', completion: '0.000002' },
    supportedParameters: [...BASIC, ...STRUCTURED],
    defaults: { chunkDelayMs: 100, pieces: 10 },
  },
  {
    id: 'mock/reasoning',
    name: 'Mock: reasoning',
    contextLength: 64_000,
    pricing: { prompt: '0.000003', completion: '0.000015' },
    supportedParameters: [...BASIC, ...STRUCTURED, 'reasoning', 'include_reasoning'],
    defaults: { reasoning: 'Let me think about this step by step. The answer follows.' },
  },
  {
    id: 'openai/gpt-4o-mini',
    name: 'OpenAI: GPT-4o-mini',
    contextLength: 128_000,
    maxCompletionTokens: 16_384,
    pricing: { prompt: '0.00000015', completion: '0.0000006' },
    supportedParameters: [...BASIC, ...STRUCTURED],
  },
  {
    id: 'anthropic/claude-haiku-4.5',
    name: 'Anthropic: Claude Haiku 4.5',
    contextLength: 200_000,
    maxCompletionTokens: 64_000,
    pricing: { prompt: '0.000001', completion: '0.000005' },
    supportedParameters: [...BASIC, 'tools', 'tool_choice', 'reasoning'],
  },
];

export const isFreeModel = (id: string): boolean => id.endsWith(':free');

export const supportsStructured = (model: ModelFixture): boolean =>
  model.supportedParameters.includes('structured_outputs');

/** A `GET /models` item shaped as in §1.7 (prices stay decimal strings). */
export function toApiModel(model: ModelFixture): Record<string, unknown> {
  const slug = model.id.replace(/:.*$/, '');
  return {
    id: model.id,
    canonical_slug: slug,
    name: model.name ?? model.id,
    created: 1_735_689_600,
    context_length: model.contextLength,
    description: model.description ?? `${model.name ?? model.id} (served by the local mock).`,
    expiration_date: null,
    knowledge_cutoff: null,
    architecture: {
      input_modalities: ['text'],
      output_modalities: ['text'],
      modality: 'text->text',
      tokenizer: 'Other',
      instruct_type: null,
    },
    pricing: { ...model.pricing, request: '0', image: '0' },
    supported_parameters: model.supportedParameters,
    top_provider: {
      context_length: model.contextLength,
      max_completion_tokens: model.maxCompletionTokens ?? 4_096,
      is_moderated: false,
    },
    per_request_limits: null,
    default_parameters: null,
    links: { details: `/api/v1/models/${slug}/endpoints` },
  };
}

/** `?supported_parameters=a,b`: models that support all of them. */
export function filterModels(models: readonly ModelFixture[], query: URLSearchParams): ModelFixture[] {
  const wanted = (query.get('supported_parameters') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return models.filter((m) => wanted.every((p) => m.supportedParameters.includes(p)));
}
