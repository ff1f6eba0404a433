import { ExpiringMap } from '../common/cache/expiring-map';

interface VerifiedAccessToken {
  userId: string;
  expiresAtMs: number;
}

/**
 * Access tokens whose signature was already checked, until they expire. A caller sends the same token
 * with every request, and checking its HMAC and decoding it each time cost more than everything else
 * authentication does. Only what the token itself proves is kept (its subject and expiry): whether the
 * user may still act is asked of the actor cache on every request, as before.
 */
export class VerifiedAccessTokens {
  private readonly tokens: ExpiringMap<VerifiedAccessToken>;

  constructor(tokenTtlSeconds: number, maxEntries: number) {
    this.tokens = new ExpiringMap(tokenTtlSeconds * 1000, maxEntries);
  }

  /** The token's user, if it was verified here and has not expired since. */
  userIdOf(token: string, now: number): string | undefined {
    const verified = this.tokens.get(token, now);
    return verified && verified.expiresAtMs > now ? verified.userId : undefined;
  }

  remember(token: string, userId: string, expiresAtSeconds: number, now: number): void {
    this.tokens.set(token, { userId, expiresAtMs: expiresAtSeconds * 1000 }, now);
  }
}
