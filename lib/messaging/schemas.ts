import { z } from 'zod';
import type { BackgroundProtocol } from './protocol';
import type { SenderClass } from './sender';

export const backgroundSchemas = {
  captureTab: z.strictObject({ tabId: z.number().int().nonnegative() }),
  validateKey: z.strictObject({}),
} satisfies { [K in keyof BackgroundProtocol]: z.ZodType<Parameters<BackgroundProtocol[K]>[0]> };

/**
 * Which sender classes may send each message. Content scripts get nothing privileged:
 * they return their results to `scripting.executeScript` instead of messaging.
 */
export const backgroundSenders = {
  captureTab: ['page'],
  validateKey: ['page'],
} satisfies { [K in keyof BackgroundProtocol]: readonly SenderClass[] };
