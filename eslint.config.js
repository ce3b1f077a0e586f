import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.tmp/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'warn',
      // `interface Database extends XTables {}`: how a module merges its tables into the Database type.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/*/*.store.ts', '**/modules/*/*.store'],
              message: 'Use the module service; only the module itself touches its store.',
            },
          ],
        },
      ],
    },
  },
  {
    // Module boundaries (eslint/boundaries.js, docs/modules.md): proven to fail on probes in test/lint/boundaries.test.ts.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { samenhang: boundaries },
    rules: { 'samenhang/platform-imports-no-module': 'error', 'samenhang/no-foreign-data': 'error' },
  },
  {
    // node:test's describe/it return promises that the runner tracks itself.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // Migrations are frozen in time and use Kysely<any> on purpose (Kysely docs).
    files: ['**/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/modules/*/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
