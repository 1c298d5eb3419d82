import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.tmp*/**',
      '*.config.js',
      'scripts/*.mjs',
      // Plain CommonJS preloaded by `node --require` in the CLI tests.
      'test/fixtures/**/*.cjs',
      // Plain JavaScript run in its own process by the tests (the real OpenID provider).
      'test/support/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The core is pure domain: no Slack, HTTP, files, environment or console.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@slack/*',
                'undici',
                'node:*',
                'fs',
                'http',
                'https',
                'net',
                'dns',
                'child_process',
                '**/slack/**',
                '**/cli/**',
                '**/adapters/**',
                '**/emulator/**',
                '**/config.js',
              ],
              message: 'src/core must stay pure: no Slack, HTTP, fs, env or outer layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'console', 'fetch'],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
);
