import { z } from 'zod';
import { fillPlanSchema } from '../apply/model';
import { llmFeatures } from '../llm/features';
import type { BackgroundProtocol } from './protocol';
import type { SenderClass } from './sender';

/** Client-made ids (`crypto.randomUUID()` fits). */
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);
/** Everything sent to a model in one run: CV + posting fit easily, a runaway page does not. */
const MAX_PROMPT_CHARS = 1_000_000;

const messagesSchema = z
  .array(z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(MAX_PROMPT_CHARS) }))
  .min(1)
  .max(50)
  .refine((messages) => messages.reduce((n, m) => n + m.content.length, 0) <= MAX_PROMPT_CHARS, 'prompt too long');
const modelSchema = z.string().min(1).max(200);
const maxTokensSchema = z.number().int().min(1).max(200_000);

const startRunSchema = z.strictObject({
  requestId: clientId,
  feature: z.enum(llmFeatures),
  model: modelSchema.optional(),
  messages: messagesSchema,
  jobId: z.string().min(1).max(100).optional(),
  maxTokens: maxTokensSchema.optional(),
  temperature: z.number().min(0).max(2).optional(),
  schema: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  fresh: z.boolean().optional(),
});

export const backgroundSchemas = {
  captureTab: z.strictObject({ tabId: z.number().int().nonnegative() }),
  captureUrl: z.strictObject({ url: z.string().min(1).max(2048) }),
  validateKey: z.strictObject({}),
  connectOpenRouter: z.strictObject({}),
  listModels: z.strictObject({ refresh: z.boolean().optional() }),
  startRun: startRunSchema,
  previewRun: z.strictObject({
    feature: z.enum(llmFeatures),
    model: modelSchema.optional(),
    messages: messagesSchema,
    maxTokens: maxTokensSchema.optional(),
  }),
  cancelRun: z.strictObject({ runId: clientId }),
  resumeRun: z.strictObject({ runId: clientId, requestId: clientId }),
  fillApplication: z.strictObject({ tabId: z.number().int().nonnegative(), plan: fillPlanSchema }),
  undoApplicationFill: z.strictObject({
    tabId: z.number().int().nonnegative(),
    frameId: z.number().int().nonnegative().optional(),
    undoId: z.number().int().nonnegative().optional(),
  }),
} satisfies { [K in keyof BackgroundProtocol]: z.ZodType<Parameters<BackgroundProtocol[K]>[0]> };

/**
 * Which sender classes may send each message. Content scripts get nothing privileged:
 * they return their results to `scripting.executeScript` instead of messaging.
 */
export const backgroundSenders = {
  captureTab: ['page'],
  captureUrl: ['page'],
  validateKey: ['page'],
  connectOpenRouter: ['page'],
  listModels: ['page'],
  startRun: ['page'],
  previewRun: ['page'],
  cancelRun: ['page'],
  resumeRun: ['page'],
  fillApplication: ['page'],
  undoApplicationFill: ['page'],
} satisfies { [K in keyof BackgroundProtocol]: readonly SenderClass[] };
