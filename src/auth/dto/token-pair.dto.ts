import { ApiProperty } from '@nestjs/swagger';

export class TokenPairDto {
  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Short-lived JWT to send as `Authorization: Bearer …`.' })
  accessToken: string;

  @ApiProperty({ example: 900 })
  accessTokenExpiresInSeconds: number;

  @ApiProperty({ description: 'Single-use token to get a new pair from POST /auth/refresh.' })
  refreshToken: string;

  @ApiProperty()
  refreshTokenExpiresAt: Date;
}
