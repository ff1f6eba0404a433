import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PublicVenuesController } from './public-venues.controller';
import { VenuesController } from './venues.controller';
import { VenuesService } from './venues.service';

@Module({ imports: [OrganisationsModule], controllers: [VenuesController, PublicVenuesController], providers: [VenuesService] })
export class VenuesModule {}
