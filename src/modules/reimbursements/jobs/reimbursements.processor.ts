import { InjectQueue, Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../../config/app-config';
import type { RecoveryOccasion, RecoversJobs } from '../../../queue/job-recovery';
import { upsertCronSchedule } from '../../../queue/job-schedules';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import type { JobRunPayload } from '../../job-runs/job-runs.service';
import { JobRunsService } from '../../job-runs/job-runs.service';
import { StateShareService } from '../../state-share/state-share.service';
import { REIMBURSEMENT_JOBS } from '../reimbursement-jobs';
import { statementSchedule } from '../statement-period.rules';
import { StatementsService } from '../statements.service';

/** The `reimbursements` queue: statements (monthly or twice a month) and the daily State share computation. */
@Processor(QUEUE_NAMES.reimbursements)
export class ReimbursementsProcessor extends JobProcessor<JobRunPayload> implements RecoversJobs {
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
    // Named for the job, not its rhythm (the period is a setting); the scheduler of earlier versions goes.
    if (occasion === 'start') await this.queue.removeJobScheduler('monthly-statements');
    const statementCron = statementSchedule(this.config.REIMBURSEMENT_STATEMENT_PERIOD, this.config.REIMBURSEMENT_STATEMENT_CRON);
    const created = [
      await upsertCronSchedule(this.queue, 'reimbursement-statements', statementCron, REIMBURSEMENT_JOBS.drawUpStatements, occasion),
      await upsertCronSchedule(
        this.queue,
        'daily-state-share',
        this.config.STATE_SHARE_CRON,
        REIMBURSEMENT_JOBS.computeStateShare,
        occasion,
      ),
    ].filter(Boolean).length;
    return (
      created +
      (await this.jobRuns.requeuePending(this.queue, REIMBURSEMENT_JOBS.drawUpStatements, 'reimbursement_statements', occasion)) +
      (await this.jobRuns.requeuePending(this.queue, REIMBURSEMENT_JOBS.computeStateShare, 'state_share', occasion))
    );
  }

  protected async handle(job: Job<JobRunPayload>): Promise<unknown> {
    switch (job.name) {
      case REIMBURSEMENT_JOBS.drawUpStatements:
        return this.jobRuns.execute(
          job,
          'reimbursement_statements',
          () => this.statements.scheduledRunParameters(),
          (run) => this.statements.executeRun(run),
        );
      case REIMBURSEMENT_JOBS.computeStateShare:
        return this.jobRuns.execute(
          job,
          'state_share',
          () => ({}),
          (run) => this.stateShare.executeRun(run),
        );
      default:
        throw new Error(`Unknown job "${job.name}" on the ${QUEUE_NAMES.reimbursements} queue`);
    }
  }
}
