import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PublicVenueSiteDetailDto, PublicVenueSitePageDto } from './dto/public-venue-site.dto';
import { SearchVenueSitesQuery } from './dto/search-venue-sites.query';
import { VenueSearchService } from './venue-search.service';

/** No login: "find a venue" and each venue's page, for beneficiaries and the people who help them. */
@ApiTags('public')
@Controller('public/venue-sites')
export class PublicVenueSitesController {
  constructor(private readonly search: VenueSearchService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Qualified venues’ sites near a commune, postcode or département, with filters, nearest first; opening state in French (Paris time).',
  })
  @ApiOkResponse({ type: PublicVenueSitePageDto })
  @ApiErrors('VALIDATION_FAILED', 'UNKNOWN_COMMUNE')
  find(@Query() query: SearchVenueSitesQuery) {
    return this.search.search(query);
  }

  @Public()
  @Get(':id')
  @ApiOperation({
    summary: 'One site: address, access, hours this week in French, open now, services that take the Pass numérique, contact.',
  })
  @ApiOkResponse({ type: PublicVenueSiteDetailDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  detail(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.search.detail(id);
  }
}
