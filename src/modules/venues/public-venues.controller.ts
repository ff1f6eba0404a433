import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { PublicVenuesQuery } from './dto/public-venues.query';
import { VenuesService } from './venues.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { PublicVenueDto } from './dto/venue.dto';

/** No login: beneficiaries, prescribers and printed carnets point here to find where to use chèques. */
@ApiTags('public')
@Controller('public/venues')
export class PublicVenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: PageOf(PublicVenueDto) })
  @ApiErrors('VALIDATION_FAILED')
  directory(@Query() query: PublicVenuesQuery) {
    return this.venues.directory(query);
  }
}
