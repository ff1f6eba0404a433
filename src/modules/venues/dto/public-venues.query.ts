import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { COMMUNE_INSEE_CODE_PATTERN, DEPARTEMENT_CODE_PATTERN } from '../../organisations/organisations.rules';

/** Exactly one of the two: a commune (its venues first, then the rest of its département) or a département. */
export class PublicVenuesQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', example: '69387', description: 'INSEE code of the commune.' })
  @IsOptional()
  @Matches(COMMUNE_INSEE_CODE_PATTERN, { message: 'communeInseeCode must be a 5-character INSEE code' })
  communeInseeCode?: string;

  @ApiPropertyOptional({ type: 'string', example: '69' })
  @IsOptional()
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departementCode must be a French département code such as 69, 2A or 974' })
  departementCode?: string;
}
