import { defineContentScript } from 'wxt/utils/define-content-script';
import { installApplyInPage } from '@/lib/apply/in-page';

// Injected on demand only, into the frames of an application form the user asked to fill (activeTab or a
// site the user allowed). It installs the fill in this frame's isolated world; the worker then calls it.
export default defineContentScript({
  registration: 'runtime',
  main() {
    return installApplyInPage(globalThis as unknown as Record<string, unknown>, document);
  },
});
