import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { AppConfig } from '../../config/app-config';
import { Public } from '../auth.decorators';
import { AuthError } from '../auth.errors';
import { ProConnectSessionDto } from '../dto/proconnect-session.dto';
import { escapeHtml } from '../../modules/notifications/notification-messages';
import { ProConnectService } from './proconnect.service';

const STATE_COOKIE = 'pn_proconnect_state';
const COOKIE_PATH = '/api/v1/auth/proconnect';

@ApiTags('auth')
@Controller('auth/proconnect')
export class ProConnectController {
  constructor(
    private readonly proconnect: ProConnectService,
    private readonly config: AppConfig,
  ) {}

  /** Starts a ProConnect sign-in: redirects the browser to ProConnect. */
  @Public()
  @Get('login')
  @ApiFoundResponse({
    description: 'Redirect to ProConnect (sets the short-lived flow cookie).',
    headers: { Location: { description: 'ProConnect’s authorization URL.', schema: { type: 'string', format: 'uri' } } },
  })
  @ApiErrors('PROCONNECT_DISABLED')
  async login(@Res() reply: FastifyReply) {
    this.assertEnabled();
    const { authorizationUrl, state } = await this.proconnect.start();
    await reply.header('Set-Cookie', this.cookie(state, 600)).redirect(authorizationUrl, 302);
  }

  /** Where ProConnect sends the browser back: signs in (the same token pair as a password login), or a French page saying why not. */
  @Public()
  @Get('callback')
  @ApiOkResponse({ type: ProConnectSessionDto })
  @ApiResponse({
    status: 403,
    description: 'A French page for the browser: unknown person, SIRET that does not match, forged or expired flow, response that fails verification.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiErrors('PROCONNECT_DISABLED')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.assertEnabled();
    const callbackUrl = new URL(request.url, this.config.PROCONNECT_REDIRECT_URL);
    const outcome = await this.proconnect.finish(callbackUrl, readCookie(request.headers.cookie, STATE_COOKIE));
    reply.header('Set-Cookie', this.cookie('', 0));
    if (outcome.ok) {
      await reply.status(200).send({ ...outcome.tokens, endSessionUrl: outcome.endSessionUrl });
      return;
    }
    await reply.status(403).type('text/html; charset=utf-8').send(refusalPage(outcome.reason, outcome.message, this.config.PUBLIC_BASE_URL));
  }

  private assertEnabled(): void {
    if (!this.proconnect.enabled) throw new AuthError('PROCONNECT_DISABLED', 'La connexion avec ProConnect n’est pas configurée sur cette plateforme.');
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

function refusalPage(reason: string, message: string, home: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Connexion refusée — Pass numérique</title></head>
<body><main>
<h1>Connexion impossible</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(home)}">Retour à l’accueil de Pass numérique</a></p>
<p><small>Code : ${escapeHtml(reason)}</small></p>
</main></body></html>
`;
}
