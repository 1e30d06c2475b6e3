import { z } from 'zod';

/** Results coming back from a page are untrusted: size-capped and shape-checked in the worker. */
export const capturedPageSchema = z.object({
  url: z.string().max(4096),
  title: z.string().max(1000),
  company: z.string().max(500).optional(),
  location: z.string().max(500).optional(),
  description: z.string().max(200_000).optional(),
  source: z.enum(['json-ld', 'page']),
});
