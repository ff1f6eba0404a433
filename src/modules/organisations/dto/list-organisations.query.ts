import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation-kind';

export class ListOrganisationsQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
}
