import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token of the link received by e-mail.' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @ApiProperty({ description: 'At least 12 characters.', minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;
}
