import { Module } from '@nestjs/common';
import { VenuesRepository } from './venues.repository';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AnctVenuesController } from './anct-venues.controller';
import { PublicVenueExportController } from './public-venue-export.controller';
import { PublicVenueSitesController } from './public-venue-sites.controller';
import { PublicVenuesController } from './public-venues.controller';
import { VenueStandardExportService } from './standard/venue-standard-export.service';
import { VenueSearchService } from './venue-search.service';
import { VenuesController } from './venues.controller';
import { VenuesService } from './venues.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [VenuesController, PublicVenuesController, PublicVenueExportController, PublicVenueSitesController, AnctVenuesController],
  providers: [VenuesService, VenueStandardExportService, VenueSearchService, VenuesRepository],
  exports: [VenueStandardExportService, VenuesRepository],
})
export class VenuesModule {}
