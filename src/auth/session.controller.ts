import { Body, Controller, Delete, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { LoginDto } from './dto/login.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { PasswordResetService } from './password-reset.service';
import { SessionActorDto } from './dto/session-actor.dto';
import { SessionService } from './session.service';

/**
 * Browser sessions (the web application): the tokens travel in HttpOnly cookies, never in the page.
 * A change made with the session cookie must repeat the `pn_csrf` cookie in an `X-CSRF-Token` header.
 * Software clients keep using `POST /auth/login` and bearer tokens, or API keys.
 */
@ApiTags('auth')
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionActorDto, description: 'Sets the session cookies (pn_access, pn_refresh, pn_csrf).' })
  // CSRF_REJECTED: sent from another origin.
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'CSRF_REJECTED', 'RATE_LIMITED')
  open(@Body() dto: LoginDto, @Ip() ip: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sessions.open(request, reply, dto.email, dto.password, ip);
  }

  /** The invitation link's page: sets the password (as `POST /auth/accept-invitation`) and opens a browser session. */
  @Public()
  @Post('invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionActorDto, description: 'Sets the session cookies (pn_access, pn_refresh, pn_csrf).' })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_INVITATION', 'CSRF_REJECTED')
  acceptInvitation(@Body() dto: AcceptInvitationDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sessions.openWith(request, reply, () => this.auth.acceptInvitation(dto.token, dto.password));
  }

  /** The reset link's page: sets the new password (as `POST /auth/password-reset`: once, other sessions ended) and opens a browser session. */
  @Public()
  @Post('password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionActorDto, description: 'Sets the session cookies (pn_access, pn_refresh, pn_csrf).' })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_PASSWORD_RESET', 'CSRF_REJECTED')
  resetPassword(@Body() dto: ResetPasswordDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sessions.openWith(request, reply, () => this.passwordReset.reset(dto.token, dto.password));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionActorDto, description: 'Rotates the session cookies.' })
  // INVALID_TOKEN: no session, or expired or revoked.
  @ApiErrors('INVALID_TOKEN', 'CSRF_REJECTED')
  refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sessions.refresh(request, reply);
  }

  @Public()
  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revokes the session and clears its cookies.' })
  @ApiErrors('CSRF_REJECTED')
  async close(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.close(request, reply);
  }
}
