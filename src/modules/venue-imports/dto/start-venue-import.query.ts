import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class StartVenueImportQuery {
  @ApiPropertyOptional({
    example: '20261201_13002603200016_lieux-de-mediation-numerique_France.csv',
    description: 'Kept with the run, for the record.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}
