import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QUEUE_NAMES } from '../../queue/queue-names';
import { FundingReportPayload, FundingReportsService } from './funding-reports.service';

@Processor(QUEUE_NAMES.reports)
export class FundingReportsProcessor extends WorkerHost {
  constructor(private readonly reports: FundingReportsService) {
    super();
  }

  process(job: Job<FundingReportPayload>): Promise<void> {
    return this.reports.build(job.data.reportId, String(job.id));
  }
}
