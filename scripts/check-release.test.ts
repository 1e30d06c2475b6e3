import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChrome, checkFirefox, checkPermissionTable, checkSourceList, compareTrees, readmePermissions } from './check-release';

const firefox = {
  manifest_version: 3,
  permissions: ['storage'],
  background: { scripts: ['background.js'] },
  browser_specific_settings: {
    gecko: {
      id: 'jobfit@jobfit.app',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'], optional: ['websiteContent', 'personallyIdentifyingInfo'] },
    },
    gecko_android: { strict_min_version: '142.0' },
  },
};
const chrome = { manifest_version: 3, minimum_chrome_version: '116', background: { service_worker: 'background.js' } };

describe('checkFirefox', () => {
  it('accepts a manifest with a gecko id, Firefox 140+ and the data collection declaration', () => {
    expect(checkFirefox(firefox)).toEqual([]);
  });

  it('names each missing or wrong store key', () => {
    const gecko = firefox.browser_specific_settings.gecko;
    const variant = (patch: object, android: object = firefox.browser_specific_settings.gecko_android) =>
      checkFirefox({ ...firefox, browser_specific_settings: { gecko: { ...gecko, ...patch }, gecko_android: android } });
    expect(variant({ id: undefined })).toEqual([expect.stringContaining('gecko.id is missing')]);
    expect(variant({ id: 'not an id' })).toEqual([expect.stringContaining('malformed')]);
    expect(variant({ strict_min_version: '128.0' })).toEqual([expect.stringContaining('140.0 or later')]);
    expect(variant({}, { strict_min_version: '120.0' })).toEqual([expect.stringContaining('gecko_android.strict_min_version must be 142.0')]);
    expect(variant({ data_collection_permissions: undefined })).toEqual([expect.stringContaining('required is missing')]);
    expect(variant({ data_collection_permissions: { required: ['none', 'websiteContent'] } })).toEqual([expect.stringContaining('combines "none"')]);
    expect(variant({ data_collection_permissions: { required: ['none'], optional: ['cvText'] } })).toEqual([expect.stringContaining('unknown data_collection_permissions value "cvText"')]);
    expect(checkFirefox({ ...firefox, background: { service_worker: 'background.js' } })).toEqual([expect.stringContaining('background.scripts')]);
  });
});

describe('checkChrome', () => {
  it('accepts MV3 with minimum_chrome_version 116 or later', () => {
    expect(checkChrome(chrome)).toEqual([]);
    expect(checkChrome({ ...chrome, minimum_chrome_version: '120' })).toEqual([]);
  });

  it('rejects a missing or older minimum_chrome_version', () => {
    expect(checkChrome({ ...chrome, minimum_chrome_version: undefined })).toEqual([expect.stringContaining('minimum_chrome_version must be 116')]);
    expect(checkChrome({ ...chrome, minimum_chrome_version: '110' })).toEqual([expect.stringContaining('(is 110)')]);
  });
});

describe('checkSourceList', () => {
  const top = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'PRIVACY.md'];
  const inGit = new Set([...top, 'lib/a.ts', 'lib/a.test.ts', 'entrypoints/background/index.ts', 'scripts/tool.ts']);

  it('accepts the build sources and the lockfile; tests and other tools may stay out', () => {
    expect(checkSourceList([...top, 'lib/', 'lib/a.ts', 'entrypoints/background/index.ts'], inGit)).toEqual([]);
  });

  it('names a missing lockfile or source file', () => {
    const found = checkSourceList(['package.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'PRIVACY.md', 'lib/a.ts'], inGit);
    expect(found).toEqual([
      'sources zip: package-lock.json is missing',
      'sources zip: source file entrypoints/background/index.ts is missing',
    ]);
  });

  it('refuses dependencies, build output, dotfiles, keys and anything git ignores', () => {
    const shipped = ['node_modules/x/index.js', '.output/chrome-mv3/manifest.json', '.wxt/types.d.ts', '.env', 'lib/.env.local', 'certs/store.pem', 'test-results/trace.zip'];
    const found = checkSourceList([...top, 'lib/a.ts', 'entrypoints/background/index.ts', ...shipped], inGit);
    expect(found).toEqual(shipped.map((file) => expect.stringContaining(file)));
    expect(found.at(-1)).toContain('git ignores it');
  });
});

describe('the README permissions table', () => {
  const readme = ['## Security and privacy', '', '### Permissions', '', '| permission | why |', '|---|---|', '| `storage` | settings |', '| `https://openrouter.ai/*` | the endpoint |', '', '### What the tests check', '| `e2e/x.spec.ts` | not a permission |'].join('\n');

  it('reads the backticked names of the first column, only in its own section', () => {
    expect(readmePermissions(readme)).toEqual(['storage', 'https://openrouter.ai/*']);
  });

  it('must list exactly what the built manifests request', () => {
    const built = { permissions: ['storage'], host_permissions: ['https://openrouter.ai/*'] };
    expect(checkPermissionTable(['storage', 'https://openrouter.ai/*'], [built])).toEqual([]);
    expect(checkPermissionTable(['storage', 'https://openrouter.ai/*'], [built, { permissions: ['sidePanel'] }])).toEqual([
      'README.md: the permissions table does not list sidePanel, which the build requests',
    ]);
    expect(checkPermissionTable(['storage', 'tabs', 'https://openrouter.ai/*'], [built])).toEqual([
      'README.md: the permissions table lists tabs, which the build does not request',
    ]);
    expect(checkPermissionTable(['storage', 'storage', 'https://openrouter.ai/*'], [built])).toEqual([
      'README.md: storage is listed twice in the permissions table',
    ]);
    expect(checkPermissionTable([], [built])[0]).toContain('no permissions table');
  });

  it('is found in the real README', () => {
    const names = readmePermissions(fs.readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8'));
    expect(names).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage', 'https://openrouter.ai/*']));
  });
});

describe('compareTrees', () => {
  it('is empty for identical builds and names missing, extra and changed files', () => {
    const built = new Map([
      ['manifest.json', 'a'],
      ['background.js', 'b'],
    ]);
    expect(compareTrees(built, new Map(built))).toEqual([]);
    expect(
      compareTrees(
        built,
        new Map([
          ['manifest.json', 'a'],
          ['background.js', 'c'],
          ['extra.js', 'd'],
        ]),
      ),
    ).toEqual(['the rebuild has extra files: extra.js', 'the rebuild differs in background.js']);
    expect(compareTrees(built, new Map([['manifest.json', 'a']]))).toEqual(['the rebuild lacks background.js']);
  });
});
