import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { AppConfig } from '../../config/app-config';
import { PROCONNECT_REFUSAL_PARAMETER, RETURN_PARAMETER, WEB_PATHS } from '../../web/web-paths';
import { Public } from '../auth.decorators';
import { AuthError } from '../auth.errors';
import { ProConnectLoginQueryDto } from '../dto/proconnect-login-query.dto';
import { ProConnectSessionDto } from '../dto/proconnect-session.dto';
import { ProConnectStatusDto } from '../dto/proconnect-status.dto';
import { cookiesMustBeSecure, parseCookieHeader, serializeCookie } from '../session-cookies';
import { SessionService } from '../session.service';
import { WEB_CONTENT_SECURITY_POLICY } from '../../web/content-security-policy';
import { wantsJsonAnswer } from './proconnect.rules';
import { ProConnectService } from './proconnect.service';

const STATE_COOKIE = 'pn_proconnect_state';
const COOKIE_PATH = '/api/v1/auth/proconnect';
/** ProConnect's end-session address (with the ID token hint) of a browser signed in with ProConnect, for its logout. */
const END_SESSION_COOKIE = 'pn_proconnect_logout';
/** Readable by the page: tells its logout to go through ProConnect's too. */
export const PROCONNECT_MARKER_COOKIE = 'pn_proconnect';

@ApiTags('auth')
@Controller('auth/proconnect')
export class ProConnectController {
  constructor(
    private readonly proconnect: ProConnectService,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  /** Whether this platform offers sign-in with ProConnect. */
  @Public()
  @Get()
  @ApiOkResponse({ type: ProConnectStatusDto })
  status(): ProConnectStatusDto {
    return { enabled: this.proconnect.enabled };
  }

  /** Starts a ProConnect sign-in: redirects the browser to ProConnect (the login page's "S’identifier avec ProConnect" button). */
  @Public()
  @Get('login')
  @ApiFoundResponse({
    description: 'Redirect to ProConnect (sets the short-lived flow cookie).',
    headers: { Location: { description: 'ProConnect’s authorization URL.', schema: { type: 'string', format: 'uri' } } },
  })
  @ApiErrors('VALIDATION_FAILED', 'PROCONNECT_DISABLED')
  async login(@Query() query: ProConnectLoginQueryDto, @Res() reply: FastifyReply) {
    this.assertEnabled();
    const { authorizationUrl, state } = await this.proconnect.start(query.retour);
    await reply.header('Set-Cookie', this.cookie(state, 600)).redirect(authorizationUrl, 302);
  }

  /**
   * Where ProConnect sends the browser back. A browser gets the session cookies of a password login
   * (`POST /auth/session`) and is sent to the web application: the page it asked for, else its space; a
   * refusal sends it to the login page, which says why in French. A software client that asks for
   * `Accept: application/json` (and not for a page) gets the token pair instead, or a 403 PROCONNECT_REFUSED.
   */
  @Public()
  @Get('callback')
  @ApiOkResponse({
    type: ProConnectSessionDto,
    description:
      'With `Accept: application/json`: the token pair of a password login. A browser instead gets a short French page (text/html) that has set the session cookies and moves on to the web application (the page it asked for, else its space).',
  })
  @ApiResponse({
    status: 303,
    description:
      'A browser refused: sent to the login page with `?proconnect=<reason>` (unknown person, SIRET that does not match, forged or expired flow, answer that fails verification), where the reason is said in French.',
    headers: { Location: { description: 'A page of the web application.', schema: { type: 'string' } } },
  })
  @ApiErrors('PROCONNECT_DISABLED', 'PROCONNECT_REFUSED')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.assertEnabled();
    const callbackUrl = new URL(request.url, this.config.PROCONNECT_REDIRECT_URL);
    const outcome = await this.proconnect.finish(callbackUrl, readCookie(request.headers.cookie, STATE_COOKIE));
    reply.header('Set-Cookie', this.cookie('', 0));
    const json = wantsJsonAnswer(request.headers.accept);
    if (!outcome.ok) {
      if (json) throw new AuthError('PROCONNECT_REFUSED', outcome.message, { reason: outcome.reason });
      const query = new URLSearchParams({ [PROCONNECT_REFUSAL_PARAMETER]: outcome.reason });
      if (outcome.returnPath) query.set(RETURN_PARAMETER, outcome.returnPath);
      await reply.redirect(`${WEB_PATHS.login}?${query}`, 303);
      return;
    }
    if (json) {
      await reply.status(200).send({ ...outcome.tokens, endSessionUrl: outcome.endSessionUrl });
      return;
    }
    await this.sessions.start(reply, outcome.tokens);
    if (outcome.endSessionUrl) this.setEndSession(reply, outcome.endSessionUrl, outcome.tokens.refreshTokenExpiresAt);
    // The login page, now signed in, sends the person on with the web application's own rule (its space, or
    // the page asked for if it lies in that space).
    const landing = outcome.returnPath
      ? `${WEB_PATHS.login}?${new URLSearchParams({ [RETURN_PARAMETER]: outcome.returnPath })}`
      : WEB_PATHS.home;
    // A page of our own that moves on, rather than a redirect: a document reached through ProConnect's
    // cross-site redirects does not see the SameSite=Strict cookies in document.cookie (the page would miss
    // its CSRF token until reloaded); a navigation started by our own page is same-site.
    await reply
      .status(200)
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY)
      .send(landingPage(landing));
  }

  /**
   * The web application's logout of a person signed in with ProConnect, once its own session is closed
   * (`DELETE /auth/session`): ends the ProConnect session too, by sending the browser to ProConnect's
   * end-session address, which sends it back to PROCONNECT_POST_LOGOUT_REDIRECT_URL. Without a ProConnect
   * sign-in in this browser, back to the login page.
   */
  @Public()
  @Get('logout')
  @ApiResponse({
    status: 303,
    description: 'To ProConnect’s end-session address, or to the login page.',
    headers: { Location: { description: 'Where the browser goes.', schema: { type: 'string' } } },
  })
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const endSessionUrl = parseCookieHeader(request.headers.cookie)[END_SESSION_COOKIE];
    const secure = cookiesMustBeSecure(this.config.PUBLIC_BASE_URL);
    reply.header('set-cookie', [
      serializeCookie(END_SESSION_COOKIE, '', { maxAgeSeconds: 0, path: COOKIE_PATH, httpOnly: true, secure }),
      serializeCookie(PROCONNECT_MARKER_COOKIE, '', { maxAgeSeconds: 0, path: '/', httpOnly: false, secure }),
    ]);
    const issuer = this.config.PROCONNECT_ISSUER ? new URL(this.config.PROCONNECT_ISSUER).origin : null;
    // Only ever to ProConnect's own address: the cookie is ours, but a redirect must not be steerable elsewhere.
    const target =
      endSessionUrl && issuer && URL.canParse(endSessionUrl) && new URL(endSessionUrl).origin === issuer ? endSessionUrl : WEB_PATHS.login;
    await reply.redirect(target, 303);
  }

  private setEndSession(reply: FastifyReply, endSessionUrl: string, until: Date): void {
    const secure = cookiesMustBeSecure(this.config.PUBLIC_BASE_URL);
    const maxAgeSeconds = (until.getTime() - Date.now()) / 1000;
    reply.header('set-cookie', [
      serializeCookie(END_SESSION_COOKIE, endSessionUrl, { maxAgeSeconds, path: COOKIE_PATH, httpOnly: true, secure }),
      serializeCookie(PROCONNECT_MARKER_COOKIE, '1', { maxAgeSeconds, path: '/', httpOnly: false, secure }),
    ]);
  }

  private assertEnabled(): void {
    if (!this.proconnect.enabled)
      throw new AuthError('PROCONNECT_DISABLED', 'La connexion avec ProConnect n’est pas configurée sur cette plateforme.');
  }

  private cookie(value: string, maxAgeSeconds: number): string {
    const secure = this.config.PROCONNECT_REDIRECT_URL?.startsWith('https:') ? '; Secure' : '';
    return `${STATE_COOKIE}=${value}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** `landing` is one of our own paths (WEB_PATHS, safeReturnPath), escaped all the same. */
function landingPage(landing: string): string {
  const href = landing.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Connexion — Pass numérique</title></head>
<body><main><p>Vous êtes connecté. <a href="${href}">Continuer vers le Pass numérique</a></p></main></body></html>
`;
}
