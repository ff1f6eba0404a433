import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ type: 'string', example: 'admin@anct.demo' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ type: 'string', example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}
