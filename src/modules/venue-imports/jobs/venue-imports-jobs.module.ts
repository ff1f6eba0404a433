import { Module } from '@nestjs/common';
import { VenueImportsProcessor } from './venue-imports.processor';
import { VenueImportsModule } from '../venue-imports.module';

@Module({ imports: [VenueImportsModule], providers: [VenueImportsProcessor] })
export class VenueImportsJobsModule {}
