import { Module } from '@nestjs/common';
import { CarnetsModule } from '../carnets.module';
import { CarnetGenerationProcessor } from './carnet-generation.processor';

/** Worker only: the processor of the `carnet-generation` queue. */
@Module({ imports: [CarnetsModule], providers: [CarnetGenerationProcessor] })
export class CarnetsJobsModule {}
