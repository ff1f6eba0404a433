import { InjectQueue, Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job, Queue } from 'bullmq';
import { ensureJobQueued, type RecoveryOccasion, type RecoversJobs } from '../../../queue/job-recovery';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import { FundingReportsRepository } from '../funding-reports.repository';
import { FUNDING_REPORT_JOB, FundingReportPayload, fundingReportJobId, FundingReportsService } from '../funding-reports.service';

@Processor(QUEUE_NAMES.reports)
export class FundingReportsProcessor extends JobProcessor<FundingReportPayload> implements RecoversJobs {
  constructor(
    private readonly reports: FundingReportsService,
    private readonly repository: FundingReportsRepository,
    @InjectQueue(QUEUE_NAMES.reports) private readonly queue: Queue<FundingReportPayload>,
  ) {
    super();
  }

  /** A report PostgreSQL says is queued or running whose job Redis lost gets it back. */
  async recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    let requeued = 0;
    for (const id of await this.repository.findPendingIds()) {
      if (await ensureJobQueued(this.queue, fundingReportJobId(id), FUNDING_REPORT_JOB, { reportId: id }, occasion)) requeued += 1;
    }
    return requeued;
  }

  protected handle(job: Job<FundingReportPayload>): Promise<void> {
    return this.reports.build(job.data.reportId, String(job.id));
  }
}
