import { ExpiringMap } from '../common/cache/expiring-map';

/**
 * Access tokens whose signature was already checked, until they expire. A caller sends the same token
 * with every request, and checking its HMAC and decoding it each time cost more than everything else
 * authentication does. Only what the token itself proves is kept (its user and login, until its expiry):
 * whether the user may still act is asked of the actor cache on every request, as before.
 */
export class VerifiedAccessTokens<Subject> {
  private readonly subjects: ExpiringMap<Subject>;

  constructor(tokenTtlSeconds: number, maxEntries: number) {
    this.subjects = new ExpiringMap(tokenTtlSeconds * 1000, maxEntries);
  }

  /** Whom the token names (its user and login), if it was verified here and has not expired since. */
  subjectOf(token: string, now: number): Subject | undefined {
    return this.subjects.get(token, now);
  }

  remember(token: string, subject: Subject, expiresAtSeconds: number, now: number): void {
    this.subjects.set(token, subject, now, expiresAtSeconds * 1000);
  }
}
