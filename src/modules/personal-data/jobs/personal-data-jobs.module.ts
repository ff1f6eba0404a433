import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../personal-data.module';
import { PersonalDataProcessor } from './personal-data.processor';

/** Worker only: consumes the `personal-data` queue. */
@Module({ imports: [PersonalDataModule], providers: [PersonalDataProcessor] })
export class PersonalDataJobsModule {}
