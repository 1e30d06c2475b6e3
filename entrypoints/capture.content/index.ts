import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPage } from '@/lib/capture';

// Injected on demand only (activeTab or a site the user allowed); never declared for every page.
// Its return value is the result `scripting.executeScript` hands back to the worker, which checks it.
export default defineContentScript({
  registration: 'runtime',
  main() {
    return readPage(document);
  },
});
