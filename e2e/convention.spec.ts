import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './support/paths';

// Structure checks on the built extension (no browser): the permissions users are asked for, and what
// ends up inside the scripts injected into job sites. A change here should be a deliberate, reviewed one.

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
  minimum_chrome_version?: string;
  action?: { default_popup?: string };
  side_panel?: { default_path?: string };
  web_accessible_resources?: unknown[];
  externally_connectable?: { ids?: string[]; matches?: string[] };
  background?: { service_worker?: string };
}

// Read inside tests: the build snapshot is taken by global setup, after test files are listed.
const readManifest = () => JSON.parse(read('manifest.json')) as Manifest;
const read = (file: string) => fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
const jsFiles = (dir: string) =>
  fs.existsSync(path.join(EXTENSION_DIR, dir))
    ? fs
        .readdirSync(path.join(EXTENSION_DIR, dir))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `${dir}/${f}`)
    : [];

/** Strings that only appear when a library is bundled. Each group is checked against a bundle that has it. */
const LIBRARY_MARKERS = {
  react: ['__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE', '__SECRET_INTERNALS_DO_NOT_USE', 'react.transitional.element', 'react.element', 'react.production'],
  dexie: ['Dexie', 'dexie'],
  openai: ['OpenAI', 'openai/', 'X-Stainless'],
  // zod classic ("full"): its own error and type classes. zod/mini would share only `$Zod…` core names.
  zodFull: ['"ZodError"', '"ZodType"', 'superRefine'],
} as const;

test.describe('manifest', () => {
  let manifest: Manifest;
  test.beforeEach(() => {
    manifest = readManifest();
  });

  test('asks for exactly the agreed permissions', () => {
    expect({
      permissions: manifest.permissions,
      host_permissions: manifest.host_permissions,
      optional_host_permissions: manifest.optional_host_permissions,
      optional_permissions: manifest.optional_permissions,
      minimum_chrome_version: manifest.minimum_chrome_version,
    }).toEqual({
      permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus', 'identity', 'alarms', 'notifications', 'downloads', 'sidePanel'],
      host_permissions: ['https://openrouter.ai/*'],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      optional_permissions: undefined,
      minimum_chrome_version: '116',
    });
  });

  test('injects nothing into pages by itself', () => {
    // Scripts run only after a gesture (activeTab) or on a site the user allowed: none are declared.
    const declared = (manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []);
    expect(declared).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.externally_connectable?.matches ?? []).toEqual([]);
  });

  test('the toolbar button reaches action.onClicked (no popup) and the side panel is declared', () => {
    // A default popup would swallow the click: no onClicked, no activeTab grant.
    expect(manifest.action).toBeDefined();
    expect(manifest.action?.default_popup).toBeUndefined();
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
    expect(manifest.background?.service_worker).toBe('background.js');
  });
});

test.describe('content script bundles', () => {
  test('the capture and apply scripts are built (they are injected on demand)', () => {
    expect(jsFiles('content-scripts')).toContain('content-scripts/capture.js');
    expect(jsFiles('content-scripts')).toContain('content-scripts/apply.js');
  });

  test('bundle no React, Dexie, openai or full zod', () => {
    for (const file of jsFiles('content-scripts')) {
      const source = read(file);
      const found = Object.entries(LIBRARY_MARKERS).flatMap(([library, markers]) =>
        markers.filter((marker) => source.includes(marker)).map((marker) => `${library}: ${marker}`),
      );
      expect.soft(found, file).toEqual([]);
    }
  });

  test('stay small', () => {
    // Readability plus site adapters fit well under this; a bundled framework does not.
    for (const file of jsFiles('content-scripts')) {
      expect.soft(fs.statSync(path.join(EXTENSION_DIR, file)).size, file).toBeLessThan(150_000);
    }
  });

  test('the markers detect the libraries where they are bundled (positive control)', () => {
    const others = [...jsFiles('.'), ...jsFiles('chunks')].map((file) => read(file)).join('\n');
    for (const library of ['react', 'dexie', 'zodFull'] as const) {
      expect(
        LIBRARY_MARKERS[library].some((marker) => others.includes(marker)),
        `no ${library} marker found in the page and worker bundles`,
      ).toBe(true);
    }
  });
});
