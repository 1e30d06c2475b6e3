import type { ApplyOutcome } from '../apply/model';
import type { FillPlan } from '../apply/report';
import type { CaptureState } from '../capture/state';
import type { JobPosting } from '../capture/types';
import type { ModelInfo } from '../llm/client';
import type { KeyStatus } from '../llm/key-status';
import type { RunHandle, RunPreview, StartRunInput } from '../llm/service';

/** Everything the background receives. One message per operation, each with a concrete payload type. */
export interface BackgroundProtocol {
  /** Capture the posting in a tab the extension already has access to (activeTab grant or site permission). */
  captureTab(data: { tabId: number }): CaptureState;
  /**
   * Opens the address in a background tab, reads the posting there and closes the tab. The panel asks
   * the site's optional host permission on the user's click first; without it: `needs_permission`.
   */
  captureUrl(data: { url: string }): JobPosting;
  /** Check the stored key with the endpoint. Carries no key: the worker reads it itself. */
  validateKey(data: Record<string, never>): KeyStatus;
  /** OAuth PKCE with OpenRouter; the new key is stored in the worker, only its hint comes back. */
  connectOpenRouter(data: Record<string, never>): { hint: string };
  /** Models of the configured endpoint with context, prices and structured-output support (cached 10 min). */
  listModels(data: { refresh?: boolean }): ModelInfo[];
  /**
   * Starts an LLM run in the worker and returns at once; follow it over the `jobfit-run` port
   * (lib/messaging/ports.ts). The same `requestId` twice returns the first run (`created: false`).
   */
  startRun(data: StartRunInput): RunHandle;
  previewRun(data: Pick<StartRunInput, 'feature' | 'model' | 'messages' | 'maxTokens'>): RunPreview;
  /** Aborts the run's HTTP request; `cancelled: false` when it had already ended. */
  cancelRun(data: { runId: string }): { cancelled: boolean };
  /** Sends an ended (e.g. interrupted) run's request again as a new run with this `requestId`. */
  resumeRun(data: { runId: string; requestId: string }): RunHandle;
  /**
   * Fills the application form in a tab Jobfit may script (activeTab grant or site permission), in every
   * frame it may reach, with the plan the panel built (profile, the chosen CV as a PDF, saved answers). Never submits.
   */
  fillApplication(data: { tabId: number; plan: FillPlan }): ApplyOutcome;
  /** Undoes the last fill in the tab: one field (`frameId` + `undoId`) or everything. */
  undoApplicationFill(data: { tabId: number; frameId?: number; undoId?: number }): { restored: number };
}

export type BackgroundMessage = keyof BackgroundProtocol;
export type PayloadOf<K extends BackgroundMessage> = Parameters<BackgroundProtocol[K]>[0];
export type ResultOf<K extends BackgroundMessage> = ReturnType<BackgroundProtocol[K]>;
