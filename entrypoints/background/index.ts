import '@/lib/util/zod-config';
import { defineBackground } from 'wxt/utils/define-background';
import { captureUrl } from '@/lib/capture/from-url';
import { fillApplication, undoApplicationFill } from '@/lib/apply/inject';
import { captureTab, reconcileInterruptedCaptures } from '@/lib/capture/inject';
import { setUpLlm } from '@/lib/llm/setup';
import { connectOpenRouter } from '@/lib/llm/oauth';
import { validateKey } from '@/lib/llm/validate-key';
import { registerBackgroundHandlers } from '@/lib/messaging/register';
import { registerOnboarding } from '@/lib/panel/onboarding';
import { registerNavigationFollower, registerPanelOpeners } from '@/lib/panel/opener';
import { restrictStorageToTrustedContexts } from '@/lib/storage/access';
import { endpointItem, migratePrivateItems } from '@/lib/storage/items';
import { setUpTracker } from '@/lib/tracker/setup';

// Wiring only. Listeners are registered synchronously so events that wake the worker reach them.
export default defineBackground(() => {
  registerBackgroundHandlers({
    captureTab: ({ tabId }) => captureTab(tabId),
    captureUrl: ({ url }) => captureUrl(url),
    fillApplication: ({ tabId, plan }) => fillApplication(tabId, plan),
    undoApplicationFill: ({ tabId, ...target }) => undoApplicationFill(tabId, target),
    validateKey: () => validateKey(),
    connectOpenRouter: () => connectOpenRouter({ baseUrl: async () => (await endpointItem.getValue()).baseUrl }),
    ...setUpLlm(),
  });
  registerPanelOpeners();
  registerNavigationFollower();
  registerOnboarding();
  setUpTracker();
  void restrictStorageToTrustedContexts();
  void reconcileInterruptedCaptures().catch(() => undefined);
  void migratePrivateItems();
});
