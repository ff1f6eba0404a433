import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CancelRedemptionDto {
  @ApiProperty({ type: 'string', example: 'Chèque scanné par erreur pour un autre atelier' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}
