import type { BackgroundProtocol } from '../messaging/protocol';
import { registerRunPort } from '../messaging/ports';
import type { Handlers } from '../messaging/register';
import { createLlmService, type LlmService } from './service';

export type LlmHandlers = Pick<Handlers<BackgroundProtocol>, 'listModels' | 'startRun' | 'previewRun' | 'cancelRun' | 'resumeRun'>;

/** The background messages of the LLM service. */
export function createLlmHandlers(service: LlmService): LlmHandlers {
  return {
    listModels: ({ refresh }) => service.listModels(refresh !== undefined ? { refresh } : {}),
    startRun: (data) => service.startRun(data),
    previewRun: (data) => service.previewRun(data),
    cancelRun: ({ runId }) => service.cancelRun(runId),
    resumeRun: ({ runId, requestId }) => service.resumeRun(runId, requestId),
  };
}

/**
 * Worker start: creates the service, serves the `jobfit-run` port, marks runs a previous worker left
 * `running` as interrupted, and returns the message handlers for `registerBackgroundHandlers`.
 * Synchronous, so the listeners exist before the event that woke the worker is dispatched.
 */
export function setUpLlm(service: LlmService = createLlmService()): LlmHandlers {
  registerRunPort(service);
  void service.reconcile().catch(() => undefined);
  return createLlmHandlers(service);
}
