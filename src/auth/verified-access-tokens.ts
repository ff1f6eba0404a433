import { ExpiringMap } from '../common/cache/expiring-map';

/**
 * Access tokens whose signature was already checked, until they expire. A caller sends the same token
 * with every request, and checking its HMAC and decoding it each time cost more than everything else
 * authentication does. Only what the token itself proves is kept (its subject, until its expiry):
 * whether the user may still act is asked of the actor cache on every request, as before.
 */
export class VerifiedAccessTokens {
  private readonly userIds: ExpiringMap<string>;

  constructor(tokenTtlSeconds: number, maxEntries: number) {
    this.userIds = new ExpiringMap(tokenTtlSeconds * 1000, maxEntries);
  }

  /** The token's user, if it was verified here and has not expired since. */
  userIdOf(token: string, now: number): string | undefined {
    return this.userIds.get(token, now);
  }

  remember(token: string, userId: string, expiresAtSeconds: number, now: number): void {
    this.userIds.set(token, userId, now, expiresAtSeconds * 1000);
  }
}
