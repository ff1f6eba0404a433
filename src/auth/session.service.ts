import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import type { Actor } from './actor';
import { csrfRejected, invalidToken } from './auth.errors';
import { AuthService, type TokenPair } from './auth.service';
import { checkCsrf } from './browser-session';
import { newSecretToken } from './secret-token';
import {
  ACCESS_COOKIE,
  cookiesMustBeSecure,
  CSRF_COOKIE,
  parseCookieHeader,
  REFRESH_COOKIE,
  serializeCookie,
  SESSION_PATH,
} from './session-cookies';

/**
 * Browser sessions on top of the token pairs software clients use: the same login, refresh rotation and
 * logout, with the tokens kept in cookies the page's scripts cannot read.
 */
@Injectable()
export class SessionService {
  private readonly secure: boolean;

  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {
    this.secure = cookiesMustBeSecure(config.PUBLIC_BASE_URL);
  }

  async open(request: FastifyRequest, reply: FastifyReply, email: string, password: string, ip: string): Promise<Actor> {
    // No CSRF token exists before login; the origin check still stops another site logging a victim in.
    this.assertSameOrigin(request, false);
    return this.start(reply, await this.auth.login(email, password, ip));
  }

  /**
   * Signs the browser in after a sign-in made another way (setting a password from an invitation or a reset
   * link): same origin check as the login, then the cookies of the token pair it opened.
   */
  async openWith(request: FastifyRequest, reply: FastifyReply, signIn: () => Promise<TokenPair>): Promise<Actor> {
    this.assertSameOrigin(request, false);
    return this.start(reply, await signIn());
  }

  async refresh(request: FastifyRequest, reply: FastifyReply): Promise<Actor> {
    this.assertSameOrigin(request, true);
    const refreshToken = parseCookieHeader(request.headers.cookie)[REFRESH_COOKIE];
    if (!refreshToken) throw invalidToken();
    return this.start(reply, await this.auth.refresh(refreshToken));
  }

  async close(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    this.assertSameOrigin(request, true);
    const refreshToken = parseCookieHeader(request.headers.cookie)[REFRESH_COOKIE];
    if (refreshToken) await this.auth.logout(refreshToken);
    reply.header('set-cookie', [
      serializeCookie(ACCESS_COOKIE, '', { maxAgeSeconds: 0, path: '/', httpOnly: true, secure: this.secure }),
      serializeCookie(REFRESH_COOKIE, '', { maxAgeSeconds: 0, path: SESSION_PATH, httpOnly: true, secure: this.secure }),
      serializeCookie(CSRF_COOKIE, '', { maxAgeSeconds: 0, path: '/', httpOnly: false, secure: this.secure }),
    ]);
  }

  /** Sets the session cookies for a sign-in made elsewhere (ProConnect's callback), as a password login does. */
  async start(reply: FastifyReply, tokens: TokenPair): Promise<Actor> {
    const actor = await this.auth.authenticateAccessToken(tokens.accessToken);
    if (!actor) throw invalidToken();
    const refreshSeconds = (tokens.refreshTokenExpiresAt.getTime() - Date.now()) / 1000;
    reply.header('set-cookie', [
      serializeCookie(ACCESS_COOKIE, tokens.accessToken, {
        maxAgeSeconds: tokens.accessTokenExpiresInSeconds,
        path: '/',
        httpOnly: true,
        secure: this.secure,
      }),
      serializeCookie(REFRESH_COOKIE, tokens.refreshToken, {
        maxAgeSeconds: refreshSeconds,
        path: SESSION_PATH,
        httpOnly: true,
        secure: this.secure,
      }),
      // Readable by the page (not HttpOnly): it echoes it in the X-CSRF-Token header of every change.
      serializeCookie(CSRF_COOKIE, newSecretToken(), { maxAgeSeconds: refreshSeconds, path: '/', httpOnly: false, secure: this.secure }),
    ]);
    return actor;
  }

  private assertSameOrigin(request: FastifyRequest, requireToken: boolean): void {
    const verdict = checkCsrf(request, this.config.PUBLIC_BASE_URL, requireToken);
    if (!verdict.allowed) throw csrfRejected(verdict.reason);
  }
}
