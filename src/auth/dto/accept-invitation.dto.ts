import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class AcceptInvitationDto {
  @ApiProperty({ type: 'string', description: 'The token received with the invitation.' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @ApiProperty({ type: 'string', description: 'At least 12 characters.', minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;
}
