import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../../common/idempotency/idempotency.module';
import { JobRunsModule } from '../../job-runs/job-runs.module';
import { ExpiryModule } from '../expiry.module';
import { ExpiryProcessor } from './expiry.processor';

/** Worker only: consumes the `expiry` queue (chèques, and stored `Idempotency-Key` answers). */
@Module({ imports: [ExpiryModule, JobRunsModule, IdempotencyModule], providers: [ExpiryProcessor] })
export class ExpiryJobsModule {}
