// Lint: TypeScript's recommended rules, the rules of hooks, accessibility of the panel's JSX, and
// the project's own limits (lines of 120 characters, files of 400 lines, no registries that
// change at import time). `npm test` runs it; `npx eslint . --fix` fixes what it can.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-profile/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'tests/fixtures/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: {
      globals: {
        // Browser and Node globals used by the extension, the scripts and the tests.
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        crypto: 'readonly',
        globalThis: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        Response: 'readonly',
        requestAnimationFrame: 'readonly',
        MessageChannel: 'readonly',
        Worker: 'readonly',
        self: 'readonly',
        getComputedStyle: 'readonly',
        NodeFilter: 'readonly',
        Node: 'readonly',
        Element: 'readonly',
        HTMLElement: 'readonly',
        MutationObserver: 'readonly',
        WeakRef: 'readonly',
        Blob: 'readonly',
        DOMParser: 'readonly',
        innerWidth: 'readonly',
        scrollTo: 'readonly',
        queueMicrotask: 'readonly',
        PerformanceObserver: 'readonly',
      },
    },
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      'max-lines': ['error', { max: 400 }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'entrypoints/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    // No registry that changes at import time, and no state at module level in the extension's code: a lookup table
    // is built once and never changed; state belongs to an instance (one TextCues per text), or, where a context's
    // own state is the point (the worker's copy of the policy), the file says so beside an eslint-disable.
    files: ['utils/**/*.ts', 'components/**/*.tsx', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "Program > VariableDeclaration[kind='let'], Program > ExportNamedDeclaration > VariableDeclaration[kind='let']",
          message: 'Module-level state: keep it in an instance, or build a constant once.',
        },
        {
          selector:
            'Program > ExpressionStatement > CallExpression[callee.property.name=/^(push|set|add|unshift|splice)$/]',
          message: 'A registry filled at import time: declare the table whole where it is made.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(toLocaleString|toLocaleDateString|toLocaleTimeString|localeCompare)$/]',
          message:
            "A renderer's first locale call loads ICU data (40–110 ms measured): use groupThousands, localDateTime or byCodeUnits (utils/numbers.ts).",
        },
      ],
    },
  },
  {
    // A page only puts hooks and components together: the work is in them, not here.
    files: ['entrypoints/*/App.tsx', 'entrypoints/*/main.tsx'],
    rules: { 'max-lines': ['error', { max: 150 }] },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern: `{}` means none.
    files: ['tests/support/fixtures.ts', 'tests/support/firefox-fixtures.ts'],
    rules: { 'no-empty-pattern': 'off', '@typescript-eslint/no-empty-object-type': 'off' },
  },
);
