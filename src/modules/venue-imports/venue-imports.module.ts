import { Module } from '@nestjs/common';
import { VenueImportsRepository } from './venue-imports.repository';
import { VenueImportsController } from './venue-imports.controller';
import { VenueImportsService } from './venue-imports.service';

@Module({
  controllers: [VenueImportsController],
  providers: [VenueImportsService, VenueImportsRepository],
  exports: [VenueImportsService, VenueImportsRepository],
})
export class VenueImportsModule {}
