// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Module boundaries from STYLE.md, enforced here instead of in review. Each rule lists the alias form
// and, through `**/` globs, every relative path that reaches the same module. Type-only imports of lib
// modules stay allowed: they vanish from the bundle.
//
// ESLint replaces (does not merge) a rule's options when several config objects match one file, so
// every file set below gets the full list of restrictions that apply to it.

const TESTS = ['**/*.test.{ts,tsx}', '**/*.spec.{ts,tsx}'];

/** @typedef {{ group?: string[], regex?: string, message: string, allowTypeImports?: boolean }} Pattern */
/** @typedef {{ name: string, importNames?: string[], message: string, allowTypeImports?: boolean }} Path */

/** @type {Record<string, { paths?: Path[], patterns?: Pattern[] }>} */
const restrictions = {
  // components/: presentational React; no browser.*, no lib/db, no lib/llm.
  presentational: {
    paths: [
      { name: 'wxt/browser', message: 'components/ are presentational: take data and callbacks as props.' },
      {
        name: '#imports',
        importNames: ['browser', 'storage'],
        message: 'components/ are presentational: take data and callbacks as props.',
      },
    ],
    patterns: [
      {
        group: ['**/db/**'],
        allowTypeImports: true,
        message: 'components/ do not touch Dexie: the page reads through lib/db repos and passes props.',
      },
      {
        group: ['**/llm/**'],
        allowTypeImports: true,
        message: 'components/ do not call lib/llm: the background owns LLM runs.',
      },
    ],
  },
  // Extension pages (side panel, options, popup) and their components: the key is written through
  // lib/llm/key-writer only and read by the background only; the openai client lives in the worker.
  extensionPage: {
    patterns: [
      {
        group: ['**/llm/key-store', '**/llm/validate-key', '**/llm/secrets-db'],
        message:
          'The API key is read only by the background. Pages write it through @/lib/llm/key-writer and ask the background to validate it.',
      },
      {
        group: [
          '**/llm/**',
          '!**/llm/key-writer',
          '!**/llm/features',
          '!**/llm/key-store',
          '!**/llm/validate-key',
          '!**/llm/secrets-db',
        ],
        allowTypeImports: true,
        message: 'lib/llm is background code; pages may import @/lib/llm/key-writer, the feature list (@/lib/llm/features) and types (e.g. key-status) only.',
      },
      {
        group: ['openai', 'openai/**'],
        message: 'The OpenRouter client lives in the background; send a message instead.',
      },
    ],
  },
  // Content scripts are injected into job sites: no UI framework, database, LLM client or full zod,
  // and never anything that can reach the key, Dexie or extension settings.
  contentScript: {
    patterns: [
      {
        group: ['react', 'react/**', 'react-dom', 'react-dom/**'],
        message: 'Content scripts render nothing: no React in a content bundle.',
      },
      {
        group: ['dexie', 'dexie/**', 'dexie-*'],
        message: 'Content scripts never touch Dexie: send the result to the background.',
      },
      {
        group: ['openai', 'openai/**'],
        message: 'Content scripts never talk to the LLM.',
      },
      {
        // Full zod only; zod/mini stays available for small validators.
        regex: '^zod(/v[34](/classic)?)?$',
        allowTypeImports: true,
        message: 'No full zod in content bundles (size): validate in the background or use zod/mini.',
      },
      {
        group: ['**/db/**', '**/llm/**', '**/storage/**'],
        allowTypeImports: true,
        message:
          'Content scripts import only lib/capture, lib/apply, lib/util and the messaging client; never lib/db, lib/llm or lib/storage.',
      },
    ],
  },
  // lib/capture is pure: Document in, posting out.
  capture: {
    patterns: [
      {
        group: ['**/db/**', '**/llm/**'],
        allowTypeImports: true,
        message: 'lib/capture is pure (Document in, posting out): no lib/db, no lib/llm.',
      },
    ],
  },
};

/** @param {...keyof typeof restrictions} names */
function restrict(...names) {
  const paths = names.flatMap((n) => restrictions[n].paths ?? []);
  const patterns = names.flatMap((n) => restrictions[n].patterns ?? []);
  return {
    // The TypeScript version understands `allowTypeImports`; the core rule would double-report.
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
  };
}

const EXTENSION_PAGES = [
  'entrypoints/sidepanel/**/*.{ts,tsx}',
  'entrypoints/options/**/*.{ts,tsx}',
  'entrypoints/popup/**/*.{ts,tsx}',
];
const CONTENT_SCRIPTS = [
  'entrypoints/*.content/**/*.{ts,tsx}',
  'entrypoints/*.content.{ts,tsx}',
  'lib/capture/page.ts',
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'bench/results.json',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Shipped code never parses strings as HTML: pages are untrusted input, and web-ext lint tolerates
  // innerHTML only inside React DOM (scripts/lint-ext.ts).
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text through React; never dangerouslySetInnerHTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
          message: 'Build nodes with textContent / createElement, or parse with DOMParser into an inert document.',
        },
        {
          selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]",
          message: 'Build nodes with textContent / createElement instead of HTML strings.',
        },
      ],
    },
  },
  // Node-side code: build config, CLIs, the bench, tests and the e2e harness.
  {
    files: ['*.{js,ts,mjs,cjs}', 'scripts/**', 'e2e/**', ...TESTS],
    languageOptions: { globals: { ...globals.node } },
  },
  // React hooks rules wherever components or hooks live.
  {
    files: ['**/*.tsx', 'lib/**/use-*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  // Boundaries. Later entries win for files that match several globs, so the narrowest come last
  // (the content-script list already contains lib/capture's own rules).
  { files: EXTENSION_PAGES, ignores: TESTS, rules: restrict('extensionPage') },
  { files: ['components/**/*.{ts,tsx}'], ignores: TESTS, rules: restrict('presentational', 'extensionPage') },
  { files: ['lib/capture/**/*.{ts,tsx}'], ignores: TESTS, rules: restrict('capture') },
  { files: CONTENT_SCRIPTS, ignores: TESTS, rules: restrict('contentScript') },
);
