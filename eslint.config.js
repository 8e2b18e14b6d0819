import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/.data/**', 'bench/results/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      curly: 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Deep relative imports across the three roots hide the import graph: use #server/#common/#web.
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*'], message: 'Use the #server/#common/#web/#test aliases.' }] }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx,js}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The web app reaches the server only over HTTP.
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*'], message: 'Use the #web/#common aliases.' }, { group: ['#server/*'], message: 'The web app never imports server code.' }] }],
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The integration files of one worker share its modules (vitest.config.ts, isolate: false):
    // a mocked module or a stubbed global would reach the files after it.
    files: ['tests/integration/**/*.ts', 'tests/support/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock', 'stubGlobal', 'stubEnv', 'spyOn'].map((property) => ({
          object: 'vi',
          property,
          message: 'Integration files share their worker\'s modules: pass a dependency in (clock, registers) instead.',
        })),
      ],
    },
  },
);
