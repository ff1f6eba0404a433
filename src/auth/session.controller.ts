import { Body, Controller, Delete, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { Public } from './auth.decorators';
import { LoginDto } from './dto/login.dto';
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
  constructor(private readonly sessions: SessionService) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionActorDto, description: 'Sets the session cookies (pn_access, pn_refresh, pn_csrf).' })
  // CSRF_REJECTED: sent from another origin.
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'CSRF_REJECTED', 'RATE_LIMITED')
  open(@Body() dto: LoginDto, @Ip() ip: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sessions.open(request, reply, dto.email, dto.password, ip);
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
