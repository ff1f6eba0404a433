import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from './actor';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { LoginDto } from './dto/login.dto';
import { PasswordResetRequestedDto } from './dto/password-reset-requested.dto';
import { RequestPasswordResetDto } from './dto/request-password-reset.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { PasswordResetService } from './password-reset.service';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SessionActorDto } from './dto/session-actor.dto';
import { TokenPairDto } from './dto/token-pair.dto';
import { ANY_ROLE } from './role-groups';
import { ApiErrors } from '../common/errors/api-errors.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'RATE_LIMITED')
  login(@Body() dto: LoginDto, @Ip() ip: string) {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TOKEN')
  refresh(@Body() dto: RefreshTokenDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The refresh token (and its family) no longer works; an unknown token is answered the same.' })
  @ApiErrors('VALIDATION_FAILED')
  async logout(@Body() dto: RefreshTokenDto) {
    await this.auth.logout(dto.refreshToken);
  }

  @Public()
  @Post('accept-invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_INVITATION')
  acceptInvitation(@Body() dto: AcceptInvitationDto) {
    return this.auth.acceptInvitation(dto.token, dto.password);
  }

  /** Sends a password reset link to the address if an active account has it; the answer is the same either way. */
  @Public()
  @Post('password-reset-requests')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  @ApiErrors('VALIDATION_FAILED', 'RATE_LIMITED')
  requestPasswordReset(@Body() dto: RequestPasswordResetDto, @Ip() ip: string) {
    return this.passwordReset.request(dto.email, ip);
  }

  /** Sets a new password with the link's token (once), ends the other sessions and signs in. */
  @Public()
  @Post('password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_PASSWORD_RESET')
  resetPassword(@Body() dto: ResetPasswordDto) {
    return this.passwordReset.reset(dto.token, dto.password);
  }

  @Get('me')
  @Roles(...ANY_ROLE)
  @ApiBearerAuth()
  @ApiOkResponse({ type: SessionActorDto })
  me(@CurrentActor() actor: OrganisationActor) {
    return actor;
  }
}
