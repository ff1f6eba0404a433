import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'agent@ccas.example.fr' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}
