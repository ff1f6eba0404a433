/** Where a `RepeatedFailureLog` writes: Nest's `Logger` (pino underneath) fits. */
export interface FailureSink {
  warn(message: string): void;
  log(message: string): void;
}

/**
 * One log line for a failure that repeats, instead of one per occurrence: during an outage a client
 * reports the same error on every reconnection attempt (ioredis: several a second, per connection), which
 * would bury everything else. The first occurrence of a kind is written at once; repeats within
 * `windowMs` are only counted, and the next occurrence after the window is written with that count.
 * `recovered` writes one line when a failing kind works again.
 */
export class RepeatedFailureLog {
  private readonly kinds = new Map<string, { loggedAt: number; suppressed: number }>();

  constructor(
    private readonly sink: FailureSink,
    private readonly windowMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  report(kind: string, message: string): void {
    const now = this.now();
    const state = this.kinds.get(kind);
    if (state && now - state.loggedAt < this.windowMs) {
      state.suppressed += 1;
      return;
    }
    const repeats = state?.suppressed ? ` (${state.suppressed} more since the last report)` : '';
    this.kinds.set(kind, { loggedAt: now, suppressed: 0 });
    this.sink.warn(`${message}${repeats}`);
  }

  recovered(kind: string, message: string): void {
    const state = this.kinds.get(kind);
    if (!state) return;
    this.kinds.delete(kind);
    const repeats = state.suppressed ? ` (after ${state.suppressed} unreported repeats)` : '';
    this.sink.log(`${message}${repeats}`);
  }
}
