import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { InvalidTransitionError, NotFoundError } from '../../common/errors/common-errors';
import { apiUrl } from '../../common/http/api-url';
import type { Page } from '../../common/http/pagination.query';
import { FileStorage } from '../../common/storage/file-storage';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { JobRunEntity } from '../job-runs/job-run.entity';
import { JobRunsService } from '../job-runs/job-runs.service';
import type { ListStatementsQuery } from './dto/list-statements.query';
import { ReimbursementStatementEntity } from './reimbursement-statement.entity';
import { REIMBURSEMENT_JOBS } from './reimbursement-jobs';
import { ReimbursementError } from './reimbursements.errors';
import { StatementDocuments } from './statement-documents';
import { checkStatementPeriodEnd, defaultStatementPeriodEnd } from './statement-period.rules';
import { StatementsRepository } from './statements.repository';

export interface StatementRunSummary extends Record<string, unknown> {
  periodEnd: string;
  statementsCreated: number;
  redemptionsClaimed: number;
  totalCents: string;
  documentsRendered: number;
}

/** Statements (contre-paiements): drawn up by a job per venue and period, validated by ANCT, read by the venue. */
import { NotificationsService } from '../notifications/notifications.service';
import { statementDrawnUpMail } from '../notifications/notification-messages';
import { WEB_PATHS } from '../../web/web-paths';
@Injectable()
export class StatementsService {
  private readonly logger = new Logger(StatementsService.name);

  constructor(
    private readonly statements: StatementsRepository,
    private readonly documents: StatementDocuments,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly jobRuns: JobRunsService,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.reimbursements) private readonly queue: Queue,
    private readonly notifications: NotificationsService,
  ) {}

  async requestRun(actor: Actor, periodEnd: string | undefined, now = new Date()): Promise<JobRunEntity> {
    const check = checkStatementPeriodEnd(periodEnd ?? defaultStatementPeriodEnd(now, this.config.REIMBURSEMENT_STATEMENT_PERIOD), now);
    if (!check.ok) throw new ReimbursementError('INVALID_STATEMENT_PERIOD', check.reason);
    return this.jobRuns.request(
      this.queue,
      REIMBURSEMENT_JOBS.drawUpStatements,
      'reimbursement_statements',
      { periodEnd: check.day },
      actor,
    );
  }

  /** Parameters of a scheduled run: the period that just ended (a month, or half of one; `REIMBURSEMENT_STATEMENT_PERIOD`). */
  scheduledRunParameters(now = new Date()): Record<string, unknown> {
    return { periodEnd: defaultStatementPeriodEnd(now, this.config.REIMBURSEMENT_STATEMENT_PERIOD) };
  }

  /**
   * One statement per venue with unclaimed redemptions up to the end of the period, each claimed in
   * its own transaction; then the documents of every statement still without them (so a retried or
   * crashed run finishes its own). Overlapping runs are safe: see `StatementsRepository.claimForVenue`.
   */
  async executeRun(run: JobRunEntity): Promise<StatementRunSummary> {
    const periodEnd = String(run.parameters.periodEnd);
    for (const venueId of await this.statements.venuesWithUnclaimedRedemptions(periodEnd)) {
      const statement = await this.transactions.run(async (manager) => {
        const id = randomUUID();
        const claim = await this.statements.claimForVenue(manager, id, venueId, periodEnd);
        if (claim.count === 0) return null; // another run got there first
        // At least one redemption was claimed, so the earliest day exists.
        if (claim.firstDay === null) throw new Error(`Statement claim for venue ${venueId} has redemptions but no first day.`);
        const created = await this.statements.insertStatement(manager, {
          id,
          venueId,
          runId: run.id,
          periodStart: claim.firstDay,
          periodEnd,
          count: claim.count,
          totalCents: claim.totalCents,
        });
        await this.audit.record(manager, {
          action: 'reimbursement_statement.drawn_up',
          objectType: 'reimbursement_statement',
          objectId: created.id,
          objectOrganisationId: venueId,
          after: statementFacts(created),
        });
        await this.notifications.notifyOrganisations(manager, {
          kind: 'statement_drawn_up',
          eventKey: `reimbursement_statement.drawn_up:${created.id}`,
          organisations: [venueId],
          content: statementDrawnUpMail({ ...created, url: this.notifications.link(WEB_PATHS.venueStatements) }),
        });
        return created;
      });
      if (statement) this.logger.log(`Statement ${statement.number} drawn up: ${statement.redemptionCount} redemptions`);
    }
    let documentsRendered = 0;
    for (const statement of await this.statements.findWithoutDocuments()) {
      if (await this.documents.render(statement.id)) documentsRendered += 1;
    }
    // Counted from PostgreSQL, not by this attempt: a retried run reports what its earlier attempts drew up too.
    const drawnUp = await this.statements.totalsOfRun(run.id);
    return {
      periodEnd,
      statementsCreated: drawnUp.statements,
      redemptionsClaimed: drawnUp.redemptions,
      totalCents: drawnUp.totalCents,
      documentsRendered,
    };
  }

  async list(actor: Actor, query: ListStatementsQuery): Promise<Page<StatementView>> {
    const page = await this.statements.listVisibleTo(actor, query);
    return { ...page, items: page.items.map(toStatementView) };
  }

  async get(actor: Actor, id: string): Promise<StatementView> {
    return toStatementView(await this.findVisible(actor, id));
  }

  async validate(actor: Actor, id: string): Promise<StatementView> {
    return this.transactions.run(async (manager) => {
      const validated = await this.statements.markValidated(manager, id, actor.userId);
      if (!validated) {
        const current = await this.statements.findById(id, manager);
        if (!current) throw new NotFoundError('Statement');
        throw new InvalidTransitionError('statement', current.status, 'validate');
      }
      await this.audit.record(manager, {
        action: 'reimbursement_statement.validated',
        objectType: 'reimbursement_statement',
        objectId: id,
        objectOrganisationId: validated.venueId,
        before: { status: 'draft' },
        after: { status: 'validated' },
      });
      return toStatementView(validated);
    });
  }

  async openDocument(actor: Actor, id: string, format: 'pdf' | 'csv'): Promise<{ stream: ReadStream; fileName: string }> {
    const statement = await this.findVisible(actor, id);
    const path = format === 'pdf' ? statement.pdfPath : statement.csvPath;
    if (!path || !statement.documentsReadyAt) {
      throw new ReimbursementError(
        'STATEMENT_DOCUMENTS_NOT_READY',
        `The documents of statement ${statement.number} are still being written.`,
      );
    }
    return { stream: this.storage.openRead(path), fileName: `releve-${statement.number}.${format}` };
  }

  private async findVisible(actor: Actor, id: string): Promise<ReimbursementStatementEntity> {
    const statement = await this.statements.findVisibleTo(actor, id);
    if (!statement) throw new NotFoundError('Statement');
    return statement;
  }
}

/** A statement as answered: its documents as download URLs under the API, never where storage keeps them. */
export type StatementView = Omit<ReimbursementStatementEntity, 'pdfPath' | 'csvPath'> & { pdfUrl: string | null; csvUrl: string | null };

export function toStatementView(statement: ReimbursementStatementEntity): StatementView {
  const { pdfPath, csvPath, ...rest } = statement;
  const ready = statement.documentsReadyAt !== null;
  return {
    ...rest,
    pdfUrl: ready && pdfPath ? apiUrl('reimbursement-statements', statement.id, 'statement.pdf') : null,
    csvUrl: ready && csvPath ? apiUrl('reimbursement-statements', statement.id, 'statement.csv') : null,
  };
}

export function statementFacts(statement: ReimbursementStatementEntity): Record<string, unknown> {
  return {
    number: statement.number,
    status: statement.status,
    periodStart: statement.periodStart,
    periodEnd: statement.periodEnd,
    redemptionCount: statement.redemptionCount,
    totalCents: statement.totalCents,
    runId: statement.runId,
  };
}
