import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Actor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import type { Page, PaginationQuery } from '../../common/http/pagination.query';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { JobRunEntity } from '../job-runs/job-run.entity';
import { JobRunsService } from '../job-runs/job-runs.service';
import type { AnomalyKind } from './anomaly-kind';
import type { ListAnomaliesQuery } from './dto/list-anomalies.query';
import { RECONCILIATION_CHECKS } from './reconciliation.checks';
import type { ReconciliationAnomalyEntity } from './reconciliation-anomaly.entity';
import { ReconciliationRepository } from './reconciliation.repository';

export const RECONCILIATION_JOB = 'reconcile';

/** Checks every money and voucher invariant and lists what is wrong. It never changes the data it checks. */
import { NotificationsService } from '../notifications/notifications.service';
import { reconciliationAnomaliesMail } from '../notifications/notification-messages';
import { WEB_PATHS } from '../../web/web-paths';
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);

  constructor(
    private readonly reconciliation: ReconciliationRepository,
    private readonly jobRuns: JobRunsService,
    @InjectQueue(QUEUE_NAMES.reconciliation) private readonly queue: Queue,
    private readonly notifications: NotificationsService,
  ) {}

  requestRun(actor: Actor): Promise<JobRunEntity> {
    return this.jobRuns.request(this.queue, RECONCILIATION_JOB, 'reconciliation', {}, actor);
  }

  async executeRun(run: JobRunEntity): Promise<Record<string, unknown>> {
    return this.reconciliation.inSnapshot(async (manager) => {
      const anomaliesByKind: Partial<Record<AnomalyKind, number>> = {};
      const durationsMs: Partial<Record<AnomalyKind, number>> = {};
      let anomalies = 0;
      for (const check of RECONCILIATION_CHECKS) {
        const started = Date.now();
        const found = await this.reconciliation.recordAnomalies(manager, run.id, check);
        durationsMs[check.kind] = Date.now() - started;
        if (found > 0) {
          anomaliesByKind[check.kind] = found;
          this.logger.warn(`Reconciliation run ${run.id}: ${found} × ${check.kind}`);
        }
        anomalies += found;
      }
      if (anomalies > 0) {
        await this.notifications.notifyOrganisations(manager, {
          kind: 'reconciliation_anomalies',
          eventKey: `reconciliation.anomalies:${run.id}`,
          organisations: 'anct',
          content: reconciliationAnomaliesMail({
            runId: run.id,
            anomalies,
            byKind: anomaliesByKind,
            url: this.notifications.link(WEB_PATHS.anctHome),
          }),
        });
      }
      return { anomalies, anomaliesByKind, checks: RECONCILIATION_CHECKS.length, durationsMs };
    });
  }

  listRuns(query: PaginationQuery): Promise<Page<JobRunEntity>> {
    return this.jobRuns.list({ kind: 'reconciliation', limit: query.limit, offset: query.offset });
  }

  async getRun(id: string): Promise<JobRunEntity> {
    const run = await this.jobRuns.get(id);
    if (run.kind !== 'reconciliation') throw new NotFoundError('Reconciliation run');
    return run;
  }

  async anomalies(runId: string, query: ListAnomaliesQuery): Promise<Page<ReconciliationAnomalyEntity>> {
    await this.getRun(runId);
    const { items, total } = await this.reconciliation.list({ runId, kind: query.kind, limit: query.limit, offset: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
