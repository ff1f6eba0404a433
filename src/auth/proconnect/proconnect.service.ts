import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProConnectAccountsRepository } from './proconnect-accounts.repository';
import type { Redis } from 'ioredis';
import * as oidc from 'openid-client';
import { AuditService } from '../../audit/audit.service';
import { currentContext, runInContext } from '../../common/request-context';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { REDIS_CLIENT } from '../../redis/redis.module';
import { systemActor } from '../actor';
import { AuthService, type TokenPair } from '../auth.service';
import {
  decideLink,
  type LinkCandidate,
  type ProConnectIdentity,
  REFUSAL_MESSAGES,
  type RefusalReason,
  safeReturnPath,
} from './proconnect.rules';

export const PROCONNECT_SCOPES = 'openid email given_name usual_name uid siret idp_id';
const FLOW_TTL_SECONDS = 600;

export interface ProConnectStart {
  authorizationUrl: string;
  /** Value of the cookie binding the flow to this browser (checked against `state` at the callback). */
  state: string;
}

export type ProConnectOutcome =
  | { ok: true; tokens: TokenPair; endSessionUrl: string | null; returnPath: string | null }
  | { ok: false; reason: RefusalReason; message: string; returnPath: string | null };

interface PendingFlow {
  codeVerifier: string;
  nonce: string;
  /** The page of the web application the person asked for before signing in. */
  returnPath?: string | null;
}

/**
 * Sign-in with ProConnect: OpenID Connect authorization code flow with PKCE, `state` and `nonce`, the
 * provider found by discovery, the ID token and the signed `userinfo` JWT checked against the provider's
 * published keys (non-repudiation checks). The pending flow (verifier, nonce) lives in Redis under its
 * `state`, used once; the browser carries the `state` in a cookie, so a callback from another browser
 * fails. At the end the person signs in exactly as with a password (AuthService.openSession).
 */
@Injectable()
export class ProConnectService {
  private readonly logger = new Logger(ProConnectService.name);
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly accounts: ProConnectAccountsRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  get enabled(): boolean {
    return this.settings() !== null;
  }

  /** The four settings ProConnect needs, or null when any is missing (ProConnect is then off). */
  private settings(): { issuer: string; clientId: string; clientSecret: string; redirectUrl: string } | null {
    const { PROCONNECT_ISSUER: issuer, PROCONNECT_CLIENT_ID: clientId, PROCONNECT_CLIENT_SECRET: clientSecret } = this.config;
    const redirectUrl = this.config.PROCONNECT_REDIRECT_URL;
    return issuer && clientId && clientSecret && redirectUrl ? { issuer, clientId, clientSecret, redirectUrl } : null;
  }

  /** The settings of an enabled ProConnect; callers are only reached when `enabled` (the routes check it first). */
  private requiredSettings(): { issuer: string; clientId: string; clientSecret: string; redirectUrl: string } {
    const settings = this.settings();
    if (!settings) throw new Error('ProConnect is not configured (PROCONNECT_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URL).');
    return settings;
  }

  /** `returnPath`: the page to open once signed in (kept only if it is a path of this site). */
  async start(returnPath?: string | null): Promise<ProConnectStart> {
    const configuration = await this.discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.redis.set(
      flowKey(state),
      JSON.stringify({ codeVerifier, nonce, returnPath: safeReturnPath(returnPath) } satisfies PendingFlow),
      'EX',
      FLOW_TTL_SECONDS,
    );
    const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.requiredSettings().redirectUrl,
      scope: PROCONNECT_SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      acr_values: 'eidas1',
    });
    return { authorizationUrl: authorizationUrl.href, state };
  }

  /** `callbackUrl`: the full address the provider redirected to; `cookieState`: the state this browser started with. */
  async finish(callbackUrl: URL, cookieState: string | undefined): Promise<ProConnectOutcome> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !cookieState || state !== cookieState) return refused('FLOW_INVALID', null);
    const stored = await this.redis.getdel(flowKey(state));
    if (!stored) return refused('FLOW_INVALID', null);
    const flow = JSON.parse(stored) as PendingFlow;
    const returnPath = safeReturnPath(flow.returnPath);
    const configuration = await this.discover();
    let identity: ProConnectIdentity;
    let idToken: string | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      // idTokenExpected: true makes the grant fail without an ID token, so its claims are always there.
      if (!claims) throw new Error('The token response carries no ID token.');
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      idToken = tokens.id_token;
      identity = {
        sub: claims.sub,
        idpId: String(userInfo.idp_id ?? claims.idp_id ?? ''),
        email: String(userInfo.email ?? '')
          .trim()
          .toLowerCase(),
        siret: typeof userInfo.siret === 'string' ? userInfo.siret : null,
      };
    } catch (error) {
      this.logger.warn(`ProConnect callback refused: ${(error as Error).message}`);
      return refused('PROVIDER_ERROR', returnPath);
    }
    if (!identity.email || !identity.idpId) return refused('PROVIDER_ERROR', returnPath);

    const outcome = await this.transactions.run(async (manager) => {
      const linked = await this.accounts.findLinked(manager, identity.sub, identity.idpId);
      const byEmail = linked ? null : await this.accounts.findByEmail(manager, identity.email);
      const decision = decideLink(identity, linked, byEmail);
      if (decision.outcome === 'refused') return decision;
      if (decision.outcome === 'link') {
        await this.accounts.link(manager, decision.userId, identity.sub, identity.idpId);
        await runInContext(
          { ...(currentContext() ?? { requestId: 'proconnect' }), actor: systemActor(`proconnect:${identity.email}`) },
          () =>
            this.audit.record(manager, {
              action: 'user.proconnect_linked',
              objectType: 'user',
              objectId: decision.userId,
              after: { idpId: identity.idpId, siret: identity.siret },
            }),
        );
      }
      await this.accounts.recordLogin(manager, decision.userId);
      return { outcome: 'signed_in' as const, tokens: await this.auth.openSession(decision.userId, manager) };
    });
    if (outcome.outcome === 'refused') {
      this.logger.warn(`ProConnect sign-in refused (${outcome.reason}) for idp ${identity.idpId}`);
      return refused(outcome.reason, returnPath);
    }
    const endSessionUrl = configuration.serverMetadata().end_session_endpoint
      ? oidc.buildEndSessionUrl(configuration, {
          id_token_hint: idToken ?? '',
          post_logout_redirect_uri: this.config.PROCONNECT_POST_LOGOUT_REDIRECT_URL ?? this.config.PUBLIC_BASE_URL,
          state: oidc.randomState(),
        }).href
      : null;
    return { ok: true, tokens: outcome.tokens, endSessionUrl, returnPath };
  }

  /** Discovery once per process (retried after a failure); userinfo and ID tokens must be signed (RS256) and are verified. */
  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const settings = this.requiredSettings();
      const issuer = new URL(settings.issuer);
      const insecure = issuer.protocol === 'http:' && !this.config.isProduction;
      const configuration = await oidc.discovery(
        issuer,
        settings.clientId,
        {
          client_secret: settings.clientSecret,
          userinfo_signed_response_alg: 'RS256',
          id_token_signed_response_alg: 'RS256',
        },
        oidc.ClientSecretPost(settings.clientSecret),
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
      oidc.enableNonRepudiationChecks(configuration);
      return configuration;
    })().catch((error) => {
      this.configuration = null;
      throw error;
    });
    return this.configuration;
  }
}

function flowKey(state: string): string {
  return `proconnect-flow:${state}`;
}

function refused(reason: RefusalReason, returnPath: string | null): ProConnectOutcome {
  return { ok: false, reason, message: REFUSAL_MESSAGES[reason], returnPath };
}
