import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RejectOrderDto {
  @ApiProperty({ type: 'string', example: 'Le montant dépasse l’enveloppe accordée.' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}
