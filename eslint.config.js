// Lints velakit's own source. The Vela sample apps in fixtures/ are linted by velakit's rules in their own tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import eslintPlugin from 'eslint-plugin-eslint-plugin';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'fixtures/*/src/**',
      'packages/types/test/fixtures/*/src/**',
      'fixtures/corpus/**',
      'packages/eslint-plugin/test/corpus/**',
      'coverage/**',
      'packages/types/index.d.ts',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // velakit's own rules, and their tests, checked as ESLint plugin code.
    files: ['rules/*.ts'],
    ignores: ['rules/*.test.ts', 'rules/index.ts'],
    ...eslintPlugin.configs['rules-recommended'],
  },
  {
    files: ['rules/*.test.ts'],
    ...eslintPlugin.configs['tests-recommended'],
    // The rule tests build their testers with rules/test-utils' factories.
    settings: { 'eslint-plugin': { ruleTesterConstructors: ['RuleTester', /^create(Json)?RuleTester$/u] } },
  },
  {
    // CommonJS on purpose (the manifest bin loads its CommonJS bundle without the ES module loader).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
