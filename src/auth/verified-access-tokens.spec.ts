import { VerifiedAccessTokens } from './verified-access-tokens';

describe('VerifiedAccessTokens', () => {
  const now = Date.UTC(2026, 10, 23, 9, 0, 0);
  const expiresAt = now / 1000 + 900;

  it('knows a remembered token until the second it expires', () => {
    const tokens = new VerifiedAccessTokens<string>(900, 10);
    tokens.remember('token-a', 'user-1', expiresAt, now);
    expect(tokens.subjectOf('token-a', now)).toBe('user-1');
    expect(tokens.subjectOf('token-a', expiresAt * 1000 - 1)).toBe('user-1');
    expect(tokens.subjectOf('token-a', expiresAt * 1000)).toBeUndefined();
  });

  it('does not outlive its own TTL when a token claims a later expiry', () => {
    const tokens = new VerifiedAccessTokens<string>(60, 10);
    tokens.remember('token-a', 'user-1', expiresAt, now);
    expect(tokens.subjectOf('token-a', now + 59_999)).toBe('user-1');
    expect(tokens.subjectOf('token-a', now + 60_000)).toBeUndefined();
  });

  it('knows nothing of a token it was not given, and keeps at most its size', () => {
    const tokens = new VerifiedAccessTokens<string>(900, 2);
    tokens.remember('token-a', 'user-1', expiresAt, now);
    tokens.remember('token-b', 'user-2', expiresAt, now);
    tokens.remember('token-c', 'user-3', expiresAt, now);
    expect(tokens.subjectOf('token-z', now)).toBeUndefined();
    expect(tokens.subjectOf('token-a', now)).toBeUndefined();
    expect([tokens.subjectOf('token-b', now), tokens.subjectOf('token-c', now)]).toEqual(['user-2', 'user-3']);
  });
});
