import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateVenueSiteDto } from './create-venue-site.dto';

/**
 * A site as its form sends it back after an edit: the whole site, like at creation (an optional field
 * left out is emptied), plus whether it takes the Pass numérique (left out: unchanged).
 */
export class UpdateVenueSiteDto extends CreateVenueSiteDto {
  @ApiPropertyOptional({ type: 'boolean', description: 'The site takes Pass numérique chèques (our extension beside the standard).' })
  @IsOptional()
  @IsBoolean()
  acceptsPassNumerique?: boolean;
}
