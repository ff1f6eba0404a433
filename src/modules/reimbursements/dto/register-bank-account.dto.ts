import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RegisterBankAccountDto {
  @ApiProperty({
    type: 'string',
    example: 'FR14 2004 1010 0505 0001 3M02 606',
    description: 'Paper or electronic format; checked (SEPA country, length, mod-97 key).',
  })
  @IsString()
  @MaxLength(50)
  iban: string;

  @ApiPropertyOptional({ type: 'string', example: 'PSSTFRPPSCE', description: 'Optional (SEPA "IBAN only").' })
  @IsOptional()
  @IsString()
  @MaxLength(15)
  bic?: string;

  @ApiProperty({ type: 'string', example: 'Association Espace numérique de Brest', description: 'Account holder, as the bank knows it.' })
  @IsString()
  @MinLength(2)
  @MaxLength(70)
  holderName: string;
}
