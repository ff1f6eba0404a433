import { ApiProperty } from '@nestjs/swagger';

export class TokenPairDto {
  @ApiProperty({ type: 'string', example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ type: 'string', description: 'Short-lived JWT to send as `Authorization: Bearer …`.' })
  accessToken: string;

  @ApiProperty({ type: 'number', example: 900 })
  accessTokenExpiresInSeconds: number;

  @ApiProperty({ type: 'string', description: 'Single-use token to get a new pair from POST /auth/refresh.' })
  refreshToken: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  refreshTokenExpiresAt: Date;
}
