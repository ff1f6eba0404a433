import { RateLimitedError } from '../common/errors/common-errors';

export interface HashingGateLimits {
  /** Hashes computed at once (each takes a libuv thread and 64 MiB for 0.3–0.6 s). */
  concurrency: number;
  /** Hashes waiting for a turn; beyond, new ones are refused at once. */
  maxWaiting: number;
  /** Hashes one client address may have running or waiting; beyond, its new ones are refused at once. */
  perClient: number;
  /** `Retry-After` of a refusal. */
  retryAfterSeconds: number;
}

/**
 * Bounds the password hashing a flood of logins can queue up. Without it, every failed login of 48
 * concurrent ones waits behind the others and a legitimate login takes 20 s. With it, a flooding
 * address gets `429` past its own few hashes in flight, the queue stays short, and others wait at
 * most a few hashes' time; a distributed flood is refused past the global ceiling instead of piling up.
 */
export class HashingGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly inFlightByClient = new Map<string, number>();

  constructor(private readonly limits: HashingGateLimits) {}

  /** @throws RateLimitedError when the client has too many hashes in flight or the queue is full. */
  async run<T>(client: string, work: () => Promise<T>): Promise<T> {
    const inFlight = this.inFlightByClient.get(client) ?? 0;
    const queueFull = this.running >= this.limits.concurrency && this.waiting.length >= this.limits.maxWaiting;
    if (inFlight >= this.limits.perClient || queueFull) {
      throw new RateLimitedError(this.limits.retryAfterSeconds, 'Too many sign-ins in progress. Try again in a few seconds.');
    }
    this.inFlightByClient.set(client, inFlight + 1);
    try {
      await this.turn();
      try {
        return await work();
      } finally {
        this.release();
      }
    } finally {
      const left = (this.inFlightByClient.get(client) ?? 1) - 1;
      if (left === 0) this.inFlightByClient.delete(client);
      else this.inFlightByClient.set(client, left);
    }
  }

  private turn(): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    // The slot is handed over by `release` without being freed, so no newcomer can take it first.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
