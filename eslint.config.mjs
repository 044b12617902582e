// ESLint flat config: typescript-eslint's recommended type-checked rules over the service (src, migrations,
// test) and the console (web/src, with its own tsconfig); Prettier owns formatting (eslint-config-prettier
// turns off the stylistic rules that would fight it). See README "Lint and format".
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', 'web/dist/**', 'web/public/**', 'web/src/api/schema.d.ts', '**/node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One TypeScript program per tsconfig: the service's (src, migrations, test) and the console's (web).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Leaving a property out by destructuring ({ secret: _, ...rest }) is the idiom for "everything but".
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'migrations/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    // The two classic hook rules; the plugin's React Compiler rules are left for when the console adopts it.
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // React's event attributes (onSubmit, onClick) are given async handlers on purpose: React ignores the
      // returned promise, and the handlers read API failures from openapi-fetch's { error } result (it does
      // not throw on an HTTP error) and show them. Promises passed as arguments or spread stay checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // The console throws and rejects with the API's problem+json documents ({ title, detail, errors }) and
      // its pages display their fields; wrapping them in Error objects would lose exactly what is shown.
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    // Tests read JSON responses through supertest, whose `response.body` is `any` by design (it is whatever
    // came over the wire). The tests check those bodies with expect() — that is the assertion these rules
    // would otherwise ask for — so typing every body would add casts, not safety. The other type-checked
    // rules (floating promises, unnecessary assertions, misused promises…) stay on for tests.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (this file, Jest's config and global setup): no type information to check against.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  prettier,
);
