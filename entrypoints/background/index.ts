import '@/lib/util/zod-config';
import { defineBackground } from 'wxt/utils/define-background';
import { captureTab } from '@/lib/capture/inject';
import { setUpLlm } from '@/lib/llm/setup';
import { validateKey } from '@/lib/llm/validate-key';
import { registerBackgroundHandlers } from '@/lib/messaging/register';
import { registerOnboarding } from '@/lib/panel/onboarding';
import { registerNavigationFollower, registerPanelOpeners } from '@/lib/panel/opener';
import { restrictStorageToTrustedContexts } from '@/lib/storage/access';

// Wiring only. Listeners are registered synchronously so events that wake the worker reach them.
export default defineBackground(() => {
  registerBackgroundHandlers({
    captureTab: ({ tabId }) => captureTab(tabId),
    validateKey: () => validateKey(),
    ...setUpLlm(),
  });
  registerPanelOpeners();
  registerNavigationFollower();
  registerOnboarding();
  void restrictStorageToTrustedContexts();
});
