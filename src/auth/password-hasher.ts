import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { currentContext } from '../common/request-context';
import { HashingGate } from './hashing-gate';

/**
 * Two hashes at once (the machine's cores), up to 32 waiting, and at most 4 running or waiting per client
 * address: see HashingGate. Each wait is at most a few hashes (≈ 0.5 s each).
 */
export const PASSWORD_HASHING_LIMITS = { concurrency: 2, maxWaiting: 32, perClient: 4, retryAfterSeconds: 2 } as const;

/** argon2id with the library's memory-hard defaults (64 MiB, 3 passes), computed through a bounded queue. */
@Injectable()
export class PasswordHasher {
  // Verifying against a real hash when the e-mail is unknown keeps the timing of both failures alike.
  private readonly decoyHash = argon2.hash('decoy password that matches nothing', { type: argon2.argon2id });
  private readonly gate = new HashingGate(PASSWORD_HASHING_LIMITS);

  /** @throws RateLimitedError when too many hashes are in progress (for this client or overall). */
  hash(password: string): Promise<string> {
    return this.gate.run(clientAddress(), () => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** @throws RateLimitedError when too many hashes are in progress (for this client or overall). */
  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? (await this.decoyHash);
    const matches = await this.gate.run(clientAddress(), () => argon2.verify(target, password).catch(() => false));
    return hash !== null && matches;
  }
}

function clientAddress(): string {
  return currentContext()?.ip ?? 'unknown';
}
