/**
 * Three projects: pure unit tests beside the code, HTTP/e2e journeys in test/ against real PostgreSQL and Redis,
 * and browser journeys in Chromium against the real server (test/browser/).
 *
 * NestJS 12 ships as ES modules. Node ≥ 20.19 lets our CommonJS build `require()` them, but Jest's own module
 * loader only does so from Node 24.9, so under Jest those packages are compiled to CommonJS by SWC
 * (which also emits the decorator metadata Nest's dependency injection reads).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs', ignoreDynamic: false },
    sourceMaps: 'inline',
  },
];
const ESM_PACKAGES = [
  '@nestjs',
  'openapi-typescript',
  'parse-json',
  'index-to-position',
  'supports-color',
  'change-case',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  '@borewit',
  'fast-xml-parser',
  'fast-xml-builder',
  'strnum',
  'path-expression-matcher',
  'xml-naming',
  '@nodable',
  '@fastify/static',
  'content-disposition',
  'openid-client',
  'oauth4webapi',
  'jose',
  'oidc-provider',
];

const shared = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Global only: jest-circus ignores a project-level testTimeout (e2e hooks create databases and users).
  testTimeout: 60000,
  projects: [
    // The web application's pure helpers are unit-tested beside them too.
    { ...shared, displayName: 'unit', roots: ['<rootDir>/src', '<rootDir>/web/src'], testMatch: ['**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      testEnvironment: '<rootDir>/test/support/e2e-environment.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/pg-deprecations.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Chromium against the real server (scripts/test-browser.sh builds both first); run apart from the others.
      ...shared,
      displayName: 'browser',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
