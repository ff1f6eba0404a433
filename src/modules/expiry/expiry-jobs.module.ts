import { Module } from '@nestjs/common';
import { JobRunsModule } from '../job-runs/job-runs.module';
import { ExpiryModule } from './expiry.module';
import { ExpiryProcessor } from './expiry.processor';

/** Worker only: consumes the `expiry` queue. */
@Module({ imports: [ExpiryModule, JobRunsModule], providers: [ExpiryProcessor] })
export class ExpiryJobsModule {}
