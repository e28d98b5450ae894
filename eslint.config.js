import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'tests/fixtures/', 'bench/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Type-aware rules: a promise is awaited, returned, or its failure is handled on purpose.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // bin/, scripts/*.mjs and this file are not in the TypeScript project.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes; never parse page or dictionary text as HTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes; never parse page or dictionary text as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in the UI.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Core ships in the extension and runs in Node: no extension API, no Node API, no build tooling.
          patterns: [
            '**/background/**',
            '**/content/**',
            '**/ui/**',
            '**/node/**',
            'webextension-polyfill',
            'node:*',
            'yaml',
            'linkedom',
          ],
        },
      ],
    },
  },
  {
    // Core's tests load real data through the Node layer, but still never reach into an extension context.
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/background/**', '**/content/**', '**/ui/**', 'webextension-polyfill'] },
      ],
    },
  },
);
