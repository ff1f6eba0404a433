import { Module } from '@nestjs/common';
import { JobRunsModule } from '../../job-runs/job-runs.module';
import { ReconciliationModule } from '../reconciliation.module';
import { ReconciliationProcessor } from './reconciliation.processor';

/** Worker only: consumes the `reconciliation` queue. */
@Module({ imports: [ReconciliationModule, JobRunsModule], providers: [ReconciliationProcessor] })
export class ReconciliationJobsModule {}
