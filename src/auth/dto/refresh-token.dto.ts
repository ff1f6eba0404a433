import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({ type: 'string' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken: string;
}
