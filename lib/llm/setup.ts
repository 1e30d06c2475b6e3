import type { BackgroundProtocol } from '../messaging/protocol';
import { registerRunPort } from '../messaging/ports';
import type { Handlers } from '../messaging/register';
import { aiSchemas } from '../ai/schemas';
import { createDataConsent, requireDataConsent, type DataConsent } from '../util/data-consent';
import { createLlmService, type LlmService } from './service';

export type LlmHandlers = Pick<Handlers<BackgroundProtocol>, 'listModels' | 'startRun' | 'previewRun' | 'cancelRun' | 'resumeRun'>;

/**
 * The background messages of the LLM service. Starting or resuming a run checks Firefox's data
 * collection consent here too, so no page can make the worker send without it.
 */
export function createLlmHandlers(service: LlmService, dataConsent: DataConsent = createDataConsent()): LlmHandlers {
  return {
    listModels: ({ refresh }) => service.listModels(refresh !== undefined ? { refresh } : {}),
    startRun: async (data) => {
      await requireDataConsent(dataConsent);
      return service.startRun(data);
    },
    previewRun: (data) => service.previewRun(data),
    cancelRun: ({ runId }) => service.cancelRun(runId),
    resumeRun: async ({ runId, requestId }) => {
      await requireDataConsent(dataConsent);
      return service.resumeRun(runId, requestId);
    },
  };
}

/**
 * Worker start: creates the service (with the AI features' structured-output schemas), serves the `jobfit-run` port, marks runs a previous worker left
 * `running` as interrupted, and returns the message handlers for `registerBackgroundHandlers`.
 * Synchronous, so the listeners exist before the event that woke the worker is dispatched.
 */
export function setUpLlm(service: LlmService = createLlmService({ schemas: aiSchemas })): LlmHandlers {
  registerRunPort(service);
  void service.reconcile().catch(() => undefined);
  return createLlmHandlers(service);
}
