import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { VENUE_QUALIFICATION_STATUSES, type VenueQualificationStatus } from '../../organisations/organisation-kind';
import { DEPARTEMENT_CODE_PATTERN } from '../../organisations/organisations.rules';

export class ListVenuesQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', enum: VENUE_QUALIFICATION_STATUSES })
  @IsOptional()
  @IsIn(VENUE_QUALIFICATION_STATUSES)
  qualificationStatus?: VenueQualificationStatus;

  @ApiPropertyOptional({ type: 'string', example: '69' })
  @IsOptional()
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departementCode must be a French département code such as 69, 2A or 974' })
  departementCode?: string;
}
