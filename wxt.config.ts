import { defineConfig } from 'wxt';

// Permissions are the narrowest that the features need: scripts run only where the user asked
// (activeTab from the toolbar, shortcut or context menu, or a site the user allowed from the panel).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  imports: false,
  // `npm run zip:all`: store packages in .output, and for AMO the sources a reviewer rebuilds from
  // (`npm ci && npm run build:firefox`). WXT already leaves out node_modules, dotfiles, *.test/*.spec files
  // and .output; left out here: the browser-test harness and what .gitignore keeps out of the repository.
  // scripts/check-release.ts checks the result.
  zip: {
    excludeSources: ['e2e/**', 'test-results/**', 'playwright-report/**', 'bench/results.json', '**/*.log'],
    // The README's screenshot, so the README in the sources reads whole.
    includeSources: ['e2e/readme/**'],
  },
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      minimum_chrome_version: '116',
      permissions: [
        'activeTab',
        'scripting',
        'storage',
        'unlimitedStorage',
        'contextMenus',
        'identity',
        // Task reminders: alarms re-created from the tasks table, a notification when a task is due.
        'alarms',
        'notifications',
        // "Back up now": the backup file is saved into the user's downloads.
        'downloads',
        ...(firefox ? [] : ['sidePanel']),
      ],
      host_permissions: ['https://openrouter.ai/*'],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      action: { default_title: '__MSG_actionTitle__' },
      commands: {
        'capture-job': {
          suggested_key: { default: 'Alt+Shift+J' },
          description: '__MSG_commandCapture__',
        },
      },
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'jobfit@jobfit.app',
                strict_min_version: '140.0',
                data_collection_permissions: {
                  required: ['none'],
                  optional: ['websiteContent', 'personallyIdentifyingInfo'],
                },
              },
              // Firefox for Android reads data_collection_permissions from 142 on (desktop: 140).
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : { externally_connectable: { ids: [] } }),
    };
  },
});
