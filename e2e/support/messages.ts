import type { BackgroundMessage, PayloadOf } from '../../lib/messaging/protocol';
import { backgroundSenders } from '../../lib/messaging/schemas';

/** The wire tag of every Jobfit message (lib/messaging/envelope.ts), spelled out as the contract. */
export const TAG = 'jobfit/1';

/** Every message the background receives, from the allowlist the background itself uses. */
export const MESSAGE_TYPES = Object.keys(backgroundSenders) as BackgroundMessage[];

/** Messages a content script may not send: rejecting them must come from the sender check alone. */
export const PRIVILEGED_MESSAGES = MESSAGE_TYPES.filter((type) => !(backgroundSenders[type] as readonly string[]).includes('content'));

/**
 * A well-formed payload for every message. Typed against the protocol, so a new message type does not
 * compile until it has one here, and the specs then send it from every sender class.
 */
export function validPayloads(tabId: number): { [K in BackgroundMessage]: PayloadOf<K> } {
  return {
    captureTab: { tabId },
    captureUrl: { url: 'http://127.0.0.1:1/not-served.html' },
    validateKey: {},
    connectOpenRouter: {},
    listModels: {},
    startRun: { requestId: 'e2e-request-0001', feature: 'analysis', messages: [{ role: 'user', content: 'Hello' }] },
    previewRun: { feature: 'analysis', messages: [{ role: 'user', content: 'Hello' }] },
    cancelRun: { runId: 'e2e-request-0001' },
    resumeRun: { runId: 'e2e-request-0001', requestId: 'e2e-request-0002' },
    fillApplication: { tabId, plan: { profile: { email: 'e2e@example.com' }, answers: [] } },
    undoApplicationFill: { tabId },
  };
}

export function envelopes(types: readonly BackgroundMessage[], tabId: number) {
  const payloads = validPayloads(tabId);
  return types.map((type) => ({ tag: TAG, type, data: payloads[type] as unknown }));
}
