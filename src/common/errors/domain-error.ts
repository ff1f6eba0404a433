/**
 * Base of every business error. The `code` is machine-readable and stable (clients switch on it);
 * the message is for humans. The HTTP status is decided in one place, the global exception filter,
 * from the code alone — services never think in HTTP.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
