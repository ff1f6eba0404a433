import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { RateLimitedError } from '../common/errors/common-errors';
import { FailureCounter } from '../common/rate-limit/failure-counter';
import { runInContext, currentContext } from '../common/request-context';
import { TransactionRunner } from '../database/transaction-runner';
import type { OrganisationKind } from '../modules/organisations/organisation-kind';
import { ActiveUserRow, UsersRepository } from '../modules/users/users.repository';
import type { Actor } from './actor';
import { ActorCache, MAX_CACHED_ACTORS } from './actor-cache';
import { ActiveApiKeyRow, ApiKeysRepository } from './api-keys.repository';
import { AuthError, invalidCredentials, invalidToken } from './auth.errors';
import { PasswordHasher } from './password-hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { ROLE_BY_ORGANISATION_KIND } from './role';
import { VerifiedAccessTokens } from './verified-access-tokens';
import { newSecretToken, sha256 } from './secret-token';

export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  accessTokenExpiresInSeconds: number;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

interface AccessTokenClaims {
  sub: string;
  typ: 'access';
  /** The login (refresh token family) the token was issued to: logging out revokes the access token too. */
  fid?: string;
}

/** What a verified access token carries: our claims, and the expiry the signer added. */
type VerifiedAccessTokenClaims = AccessTokenClaims & { exp: number };

export const API_KEY_PREFIX = 'pn_';
const API_KEY_LAST_USED_PRECISION_MS = 60_000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly verifiedTokens: VerifiedAccessTokens<AccessTokenSubject>;

  constructor(
    private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly failures: FailureCounter,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly apiKeys: ApiKeysRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly actorCache: ActorCache,
  ) {
    this.verifiedTokens = new VerifiedAccessTokens(config.JWT_ACCESS_TTL_SECONDS, MAX_CACHED_ACTORS);
  }

  async login(email: string, password: string, ip: string): Promise<TokenPair> {
    const normalisedEmail = email.trim().toLowerCase();
    const counterKeys = [`login-failures:email:${normalisedEmail}`, `login-failures:ip:${ip}`];
    const maxima = [this.config.LOGIN_MAX_FAILURES_PER_EMAIL, this.config.LOGIN_MAX_FAILURES_PER_IP];
    const limited = (await this.failures.peekMany(counterKeys, maxima)).find((state, index) => state.count >= maxima[index]);
    if (limited) {
      throw new RateLimitedError(limited.retryAfterSeconds, 'Too many failed logins. Try again later.');
    }
    const user = await this.users.findByEmail(normalisedEmail);
    const passwordMatches = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !passwordMatches || user.status !== 'active') {
      await Promise.all(counterKeys.map((key) => this.failures.record(key, this.config.LOGIN_WINDOW_SECONDS)));
      this.logger.warn(`Failed login from ${ip}`);
      throw invalidCredentials();
    }
    const actor = await this.authenticateUserId(user.id);
    if (!actor) throw invalidCredentials();
    await this.failures.reset(counterKeys[0]);
    await this.users.recordLogin(user.id);
    return this.openSession(user.id);
  }

  /**
   * The one place a sign-in becomes a session, whatever proved who the person is (password, invitation,
   * password reset, ProConnect): a new refresh token family and an access token. In the caller's
   * transaction when one is given.
   */
  openSession(userId: string, manager?: EntityManager): Promise<TokenPair> {
    if (manager) return this.issueTokens(manager, userId, randomUUID());
    return this.transactions.run((transaction) => this.issueTokens(transaction, userId, randomUUID()));
  }

  /** Rotation: each refresh token works once. Reuse of a rotated one revokes every token of its login. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.transactions.run(async (manager) => {
      const stored = await this.refreshTokens.findByHashForUpdate(manager, sha256(refreshToken));
      if (!stored || stored.revokedAt || stored.expiresAt <= new Date()) return null;
      if (stored.rotatedAt) {
        await this.refreshTokens.revokeFamily(manager, stored.familyId);
        return 'reused' as const;
      }
      const actor = await this.authenticateUserId(stored.userId);
      if (!actor) return null;
      await this.refreshTokens.markRotated(manager, stored.id);
      return this.issueTokens(manager, stored.userId, stored.familyId);
    });
    if (outcome === 'reused') {
      this.logger.warn('A rotated refresh token was presented again; its whole family was revoked');
      await this.actorCache.invalidateEverywhere();
    }
    if (outcome === null || outcome === 'reused') throw invalidToken();
    return outcome;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const stored = await this.refreshTokens.findByHash(manager, sha256(refreshToken));
      if (stored) await this.refreshTokens.revokeFamily(manager, stored.familyId);
    });
    // The login's access tokens stop working at once, on every instance, as on a deactivation.
    await this.actorCache.invalidateEverywhere();
  }

  async revokeAllRefreshTokensOfUser(manager: EntityManager, userId: string): Promise<void> {
    await this.refreshTokens.revokeAllOfUser(manager, userId);
  }

  async acceptInvitation(token: string, password: string): Promise<TokenPair> {
    const passwordHash = await this.passwords.hash(password);
    return this.transactions.run(async (manager) => {
      const user = await this.users.findPendingInvitation(manager, sha256(token));
      if (!user) {
        throw new AuthError(
          'INVALID_INVITATION',
          'This invitation is unknown, already used or expired. Ask your administrator for a new one.',
        );
      }
      const before = { status: user.status };
      user.passwordHash = passwordHash;
      user.status = 'active';
      user.invitationTokenHash = null;
      user.invitationSentAt = null;
      user.invitationExpiresAt = null;
      await this.users.save(manager, user);
      const actor = userActor({ ...user, organisationKind: user.organisation?.kind ?? null });
      await runInContext({ ...(currentContext() ?? { requestId: 'invitation' }), actor }, () =>
        this.audit.record(manager, {
          action: 'user.activated',
          objectType: 'user',
          objectId: user.id,
          objectOrganisationId: user.organisationId,
          before,
          after: { status: user.status },
        }),
      );
      return this.openSession(user.id, manager);
    });
  }

  async authenticateAccessToken(token: string): Promise<Actor | null> {
    const now = Date.now();
    const known = this.verifiedTokens.subjectOf(token, now);
    if (known) return this.authenticateSubject(known);
    let claims: VerifiedAccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<VerifiedAccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (claims.typ !== 'access') return null;
    const subject = { userId: claims.sub, familyId: claims.fid ?? null };
    this.verifiedTokens.remember(token, subject, claims.exp, now);
    return this.authenticateSubject(subject);
  }

  /**
   * A token of a login that has ended (logout, or a replayed refresh token) admits no one: the login's
   * refresh tokens are its state. Cached like a user, and emptied everywhere on logout like a deactivation.
   * Tokens issued before logins were named in them (no `fid`) only depend on their user.
   */
  private async authenticateSubject({ userId, familyId }: AccessTokenSubject): Promise<Actor | null> {
    if (familyId === null) return this.authenticateUserId(userId);
    const cached = await this.actorCache.resolve(`login:${familyId}`, async () => {
      const [user, loginAlive] = await Promise.all([this.users.findActiveForAuthentication(userId), this.users.isLoginAlive(familyId)]);
      return user && loginAlive ? { actor: userActor(user), lastUsedAt: null } : null;
    });
    return cached?.actor ?? null;
  }

  /**
   * Cached for AUTH_CACHE_TTL_SECONDS at most; a deactivation through the API empties the cache of every
   * instance, so the user is locked out at once.
   */
  async authenticateUserId(userId: string): Promise<Actor | null> {
    const cached = await this.actorCache.resolve(`user:${userId}`, async () => {
      const user = await this.users.findActiveForAuthentication(userId);
      return user && { actor: userActor(user), lastUsedAt: null };
    });
    return cached?.actor ?? null;
  }

  async authenticateApiKey(key: string): Promise<Actor | null> {
    if (!key.startsWith(API_KEY_PREFIX)) return null;
    const keyHash = sha256(key);
    const cached = await this.actorCache.resolve(`api-key:${keyHash.toString('hex')}`, async () => {
      const apiKey = await this.apiKeys.findActiveByHash(keyHash);
      return apiKey && { actor: apiKeyActor(apiKey), lastUsedAt: apiKey.lastUsedAt };
    });
    if (!cached) return null;
    // "Last used" is kept to the minute: a key used by a till on every scan must not cost a write per request.
    // The cached entry remembers the write, so each instance writes at most once a minute per key.
    const now = new Date();
    if (!cached.lastUsedAt || now.getTime() - cached.lastUsedAt.getTime() > API_KEY_LAST_USED_PRECISION_MS) {
      const apiKeyId = cached.actor.apiKeyId;
      // apiKeyActor always sets the key's id.
      if (!apiKeyId) throw new Error('An API key actor without apiKeyId.');
      cached.lastUsedAt = now;
      void this.apiKeys.recordUse(apiKeyId, now).catch(() => undefined);
    }
    return cached.actor;
  }

  private async issueTokens(manager: EntityManager, userId: string, familyId: string): Promise<TokenPair> {
    const refreshToken = newSecretToken();
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await this.refreshTokens.insert(manager, { userId, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshTokenExpiresAt });
    const claims: AccessTokenClaims = { sub: userId, typ: 'access', fid: familyId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.JWT_ACCESS_TTL_SECONDS, algorithm: 'HS256' });
    return {
      tokenType: 'Bearer',
      accessToken,
      accessTokenExpiresInSeconds: this.config.JWT_ACCESS_TTL_SECONDS,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}

interface AccessTokenSubject {
  userId: string;
  familyId: string | null;
}

type UserIdentity = Omit<ActiveUserRow, 'organisationKind'> & { organisationKind: OrganisationKind | null };

// Actors are frozen: a cached one is shared by every request of its TTL, none may alter it for the others.
function userActor(user: UserIdentity): Actor {
  return Object.freeze({
    kind: 'user',
    userId: user.id,
    apiKeyId: null,
    organisationId: user.organisationId,
    organisationKind: user.organisationKind,
    role: user.role,
    isOrganisationAdmin: user.isOrganisationAdmin,
    label: user.email,
  });
}

function apiKeyActor(apiKey: ActiveApiKeyRow): Actor {
  return Object.freeze({
    kind: 'api_key',
    userId: null,
    apiKeyId: apiKey.id,
    organisationId: apiKey.organisationId,
    organisationKind: apiKey.organisationKind,
    role: ROLE_BY_ORGANISATION_KIND[apiKey.organisationKind],
    isOrganisationAdmin: false,
    label: `api-key:${apiKey.prefix}`,
  });
}
