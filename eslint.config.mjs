// Few rules, each kept for a reason a reviewer would give; formatting is Prettier's (.prettierrc.json).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'web/public/**', 'web/dev-dist/**', 'node_modules/**', 'web/src/api/schema.d.ts', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      // Type-aware: each file is checked with its own tsconfig (the root one, or web/tsconfig.json).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error: an unhandled rejection kills the process, or a failure goes unseen.
      '@typescript-eslint/no-floating-promises': 'error',
      // `x!` hides a null the types say is possible; say why it cannot be (a check, a narrower type) instead.
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    // In a test or a benchmark, a null where a value was expected throws at once and fails the run, which is
    // what it should do: `!` there reads as "the step before made it", not as a hidden assumption.
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // A domain reaches another only through what that domain's module exports (its services, repositories,
    // rules, DTOs and errors): another domain's controllers, processors and jobs are its own business.
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.controller', '../../*/*.controller', '../*/**/*.controller'],
              message: "Another domain's controller is its own: use its exported service.",
            },
            { group: ['../*/jobs/*', '../../*/jobs/*'], message: "Another domain's jobs are its own: use its exported service or queue." },
            {
              group: ['../*/*.processor', '../../*/*.processor'],
              message: "Another domain's processor is its own: use its exported service or queue.",
            },
          ],
        },
      ],
    },
  },
);
