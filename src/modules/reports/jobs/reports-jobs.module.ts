import { Module } from '@nestjs/common';
import { FundingReportsProcessor } from './funding-reports.processor';
import { ReportsModule } from '../reports.module';

/** Worker only: consumes the `reports` queue. */
@Module({ imports: [ReportsModule], providers: [FundingReportsProcessor] })
export class ReportsJobsModule {}
