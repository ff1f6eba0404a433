// @ts-check
const { TestEnvironment } = require('jest-environment-node');

/**
 * The e2e files' environment: Node's, plus a watch on the worker's real `process` for `pg`'s deprecation warnings
 * (each becomes an error in pg 9, e.g. a second query sent on a client still executing one). A test file's own
 * `process` is a sandboxed copy that never sees them, so they are collected here and handed to
 * `pg-deprecations.ts`, which fails the file that caused one.
 */
class E2eEnvironment extends TestEnvironment {
  /** @param {ConstructorParameters<typeof TestEnvironment>} args */
  constructor(...args) {
    super(...args);
    /** @type {string[]} */
    const pgDeprecations = [];
    this.global.__pgDeprecations = pgDeprecations;
    /** @param {Error} warning */
    this.recordPgDeprecation = (warning) => {
      if (warning.name === 'DeprecationWarning' && warning.message.includes('pg@9')) pgDeprecations.push(warning.message);
    };
    process.on('warning', this.recordPgDeprecation);
  }

  async teardown() {
    process.off('warning', this.recordPgDeprecation);
    await super.teardown();
  }
}

module.exports = E2eEnvironment;
