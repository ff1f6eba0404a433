import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { PublicVenuesQuery } from './dto/public-venues.query';
import { VenuesService } from './venues.service';

/** No login: beneficiaries, prescribers and printed carnets point here to find where to use chèques. */
@ApiTags('public')
@Controller('public/venues')
export class PublicVenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Public()
  @Get()
  directory(@Query() query: PublicVenuesQuery) {
    return this.venues.directory(query);
  }
}
