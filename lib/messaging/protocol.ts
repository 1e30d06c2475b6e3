import type { CaptureState } from '../capture/state';
import type { KeyStatus } from '../llm/key-status';

/** Everything the background receives. One message per operation, each with a concrete payload type. */
export interface BackgroundProtocol {
  /** Capture the posting in a tab the extension already has access to (activeTab grant or site permission). */
  captureTab(data: { tabId: number }): CaptureState;
  /** Check the stored key with the endpoint. Carries no key: the worker reads it itself. */
  validateKey(data: Record<string, never>): KeyStatus;
}

export type BackgroundMessage = keyof BackgroundProtocol;
export type PayloadOf<K extends BackgroundMessage> = Parameters<BackgroundProtocol[K]>[0];
export type ResultOf<K extends BackgroundMessage> = ReturnType<BackgroundProtocol[K]>;
