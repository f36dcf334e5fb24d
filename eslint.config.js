// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url', 'util', 'stream', 'zlib', 'events', 'net'];

/** Layering (DESIGN.md §1): shared ← backend / renderer ← electron. Upward or sideways imports fail lint. */
const layer = (/** @type {string} */ message, /** @type {string[]} */ groups, /** @type {string[]} */ paths = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'native/**', 'node_modules/**', 'test-results/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: layer(
      'src/shared is the contract: it imports nothing from node, the DOM libraries, the backend, the renderer or electron.',
      ['node:*', '**/backend/**', '**/renderer/**', 'react', 'react-dom', 'antd', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'electron'],
      nodeBuiltins,
    ),
  },
  {
    files: ['src/backend/**/*.ts'],
    rules: layer('src/backend is plain Node: no electron, no renderer code, no React.', ['**/renderer/**', 'electron', 'react', 'antd']),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        'src/renderer talks to the backend only through the api client: no backend imports, no node, no electron.',
        ['node:*', '**/backend/**', 'electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
        nodeBuiltins,
      ),
    },
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.ts', 'src/**/*.test.ts', '*.config.ts'],
    ignores: ['tests/electron/**'],
    rules: layer('Only electron/ (and the Electron smoke tests) may import electron: tests and scripts run without it.', ['electron', 'electron/*']),
  },
);
