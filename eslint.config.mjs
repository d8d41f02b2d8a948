import tseslint from 'typescript-eslint';

const NODE_IO = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'tls', 'node:tls', 'dgram', 'node:dgram', 'dns', 'node:dns'];

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', '.vscode-test/**', 'dist/**', 'sample/**', 'test-results/**', '.prof/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' }, languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', globalThis: 'readonly' } } },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The language server and the CLI open no network connection and start no process.
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'tls', 'node:tls', 'dgram', 'node:dgram', 'dns', 'node:dns']
          .map((name) => ({ name, message: 'Plandocs reads the workspace and nothing else: no network, no processes.' })),
      }],
    },
  },
  {
    // The planning engine is pure: no editor, no LSP transport, no file system, no processes.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'server/src/core is editor-independent.' },
          { name: 'vscode-languageserver', message: 'server/src/core returns data; map to LSP types outside core.' },
          { name: 'vscode-languageserver/node', message: 'server/src/core is editor-independent.' },
          ...NODE_IO.map((name) => ({ name, message: 'server/src/core does no I/O: go through the Workspace interface.' })),
        ],
        patterns: [{ group: ['vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'server/src/core is editor-independent.' }],
      }],
      'no-restricted-globals': ['error', { name: 'require', message: 'server/src/core uses imports only.' }, { name: 'process', message: 'server/src/core does not touch the process.' }],
    },
  },
);
