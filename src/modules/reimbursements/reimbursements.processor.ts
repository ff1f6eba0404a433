import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import type { RecoveryOccasion, RecoversJobs } from '../../queue/job-recovery';
import { upsertCronSchedule } from '../../queue/job-schedules';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { JobRunPayload } from '../job-runs/job-runs.service';
import { JobRunsService } from '../job-runs/job-runs.service';
import { StateShareService } from '../state-share/state-share.service';
import { REIMBURSEMENT_JOBS } from './reimbursement-jobs';
import { StatementsService } from './statements.service';

/** The `reimbursements` queue: monthly statements and the daily State share computation. */
@Processor(QUEUE_NAMES.reimbursements)
export class ReimbursementsProcessor extends WorkerHost implements RecoversJobs {
  constructor(
    private readonly statements: StatementsService,
    private readonly stateShare: StateShareService,
    private readonly jobRuns: JobRunsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.reimbursements) private readonly queue: Queue,
  ) {
    super();
  }

  async recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    const created = [
      await upsertCronSchedule(this.queue, 'monthly-statements', this.config.REIMBURSEMENT_STATEMENT_CRON, REIMBURSEMENT_JOBS.drawUpStatements, occasion),
      await upsertCronSchedule(this.queue, 'daily-state-share', this.config.STATE_SHARE_CRON, REIMBURSEMENT_JOBS.computeStateShare, occasion),
    ].filter(Boolean).length;
    return (
      created +
      (await this.jobRuns.requeuePending(this.queue, REIMBURSEMENT_JOBS.drawUpStatements, 'reimbursement_statements', occasion)) +
      (await this.jobRuns.requeuePending(this.queue, REIMBURSEMENT_JOBS.computeStateShare, 'state_share', occasion))
    );
  }

  async process(job: Job<JobRunPayload>): Promise<unknown> {
    switch (job.name) {
      case REIMBURSEMENT_JOBS.drawUpStatements:
        return this.jobRuns.execute(job, 'reimbursement_statements', () => this.statements.scheduledRunParameters(), (run) =>
          this.statements.executeRun(run),
        );
      case REIMBURSEMENT_JOBS.computeStateShare:
        return this.jobRuns.execute(job, 'state_share', () => ({}), (run) => this.stateShare.executeRun(run));
      default:
        throw new Error(`Unknown job "${job.name}" on the ${QUEUE_NAMES.reimbursements} queue`);
    }
  }
}
