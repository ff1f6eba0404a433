import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AnctVenuesController } from './anct-venues.controller';
import { PublicVenuesController } from './public-venues.controller';
import { VenuesController } from './venues.controller';
import { VenuesService } from './venues.service';

@Module({ imports: [OrganisationsModule], controllers: [VenuesController, PublicVenuesController, AnctVenuesController], providers: [VenuesService] })
export class VenuesModule {}
