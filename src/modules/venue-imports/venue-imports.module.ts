import { Module } from '@nestjs/common';
import { VenueImportsController } from './venue-imports.controller';
import { VenueImportsService } from './venue-imports.service';

@Module({ controllers: [VenueImportsController], providers: [VenueImportsService], exports: [VenueImportsService] })
export class VenueImportsModule {}
