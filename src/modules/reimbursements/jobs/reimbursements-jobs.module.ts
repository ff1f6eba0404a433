import { Module } from '@nestjs/common';
import { JobRunsModule } from '../../job-runs/job-runs.module';
import { StateShareModule } from '../../state-share/state-share.module';
import { ReimbursementsModule } from '../reimbursements.module';
import { ReimbursementsProcessor } from './reimbursements.processor';

/** Worker only: consumes the `reimbursements` queue. */
@Module({ imports: [ReimbursementsModule, StateShareModule, JobRunsModule], providers: [ReimbursementsProcessor] })
export class ReimbursementsJobsModule {}
