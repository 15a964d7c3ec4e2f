import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Everything the engine must not depend on, so that one engine runs in the
// browser, a Web Worker, the server and the CLI.
const engineForbiddenImports = {
  patterns: [
    {
      group: [
        'react',
        'react-*',
        '@xyflow/*',
        '@mantine/*',
        'zustand',
        'zundo',
        'dexie',
        'dexie-*',
      ],
      message: 'The engine is pure TypeScript: no UI or storage libraries.',
    },
    {
      group: ['node:*', 'fs', 'path', 'os', 'crypto'],
      message: 'The engine must not use Node-only APIs.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'Never build code from text.',
        },
        { selector: "CallExpression[callee.name='eval']", message: 'Never build code from text.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['packages/engine/src/**/*.ts', 'packages/import/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', engineForbiddenImports] },
  },
);
