import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { InvalidTransitionError, NotFoundError } from '../../common/errors/common-errors';
import { apiUrl } from '../../common/http/api-url';
import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import type { Page, PaginationQuery } from '../../common/http/pagination.query';
import { isCalendarDate, parisToday, startOfParisDay } from '../../common/time/paris-time';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { LedgerRepository } from '../ledger/ledger.repository';
import { BankAccountsRepository } from './bank-accounts.repository';
import type { ConfirmPaymentBatchDto } from './dto/confirm-payment-batch.dto';
import type { CreatePaymentBatchDto } from './dto/create-payment-batch.dto';
import type { RegisterBankAccountDto } from './dto/register-bank-account.dto';
import { maskIban, validateBic, validateIban } from './iban.rules';
import type { PaymentBatchEntity } from './payment-batch.entity';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { ReimbursementError } from './reimbursements.errors';
import { buildPain001, SEPA_MAX_LENGTH, SepaInputError, toSepaText } from './sepa-credit-transfer';
import { checkExecutionDate, formatStatementPeriod } from './statement-period.rules';
import { StatementsRepository } from './statements.repository';
import type { VenueBankAccountEntity } from './venue-bank-account.entity';

export interface BankAccountView {
  venueId: string;
  /** Masked: country, check digits and last four characters only. */
  iban: string;
  bic: string | null;
  holderName: string;
  updatedAt: Date;
}

/** A payment batch as answered: its SEPA file as a download URL, not inline. */
export type PaymentBatchView = Omit<PaymentBatchEntity, 'xml'> & { sepaFileUrl: string; statementIds?: string[] };

function bankAccountView(account: VenueBankAccountEntity): BankAccountView {
  return {
    venueId: account.venueId,
    iban: maskIban(account.iban),
    bic: account.bic,
    holderName: account.holderName,
    updatedAt: account.updatedAt,
  };
}

function batchView(batch: PaymentBatchEntity, statementIds?: string[]): PaymentBatchView {
  const { xml: _xml, ...rest } = batch;
  const view = { ...rest, sepaFileUrl: apiUrl('payment-batches', batch.id, 'sepa.xml') };
  return statementIds ? { ...view, statementIds } : view;
}

/** Venues' bank details, SEPA transfer files for validated statements, and payment confirmation. */
import { NotificationsService } from '../notifications/notifications.service';
import { statementPaidMail } from '../notifications/notification-messages';
import { WEB_PATHS } from '../../web/web-paths';
@Injectable()
export class PaymentsService {
  constructor(
    private readonly bankAccounts: BankAccountsRepository,
    private readonly batches: PaymentBatchesRepository,
    private readonly statements: StatementsRepository,
    private readonly ledger: LedgerRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  async registerBankAccount(actor: Actor, venueId: string, dto: RegisterBankAccountDto): Promise<BankAccountView> {
    if (actor.organisationId !== venueId) throw new NotFoundError('Venue');
    const iban = validateIban(dto.iban);
    if (!iban.ok) throw new ReimbursementError('INVALID_IBAN', `The IBAN is not valid (${iban.reason}).`, { reason: iban.reason });
    let bic: string | null = null;
    if (dto.bic !== undefined && dto.bic.trim() !== '') {
      const checked = validateBic(dto.bic);
      if (!checked.ok) throw new ReimbursementError('INVALID_BIC', `The BIC is not valid (${checked.reason}).`, { reason: checked.reason });
      bic = checked.bic;
    }
    // The name goes into SEPA files restricted to the SEPA Latin set: one that would vanish there is refused now.
    if (toSepaText(dto.holderName, SEPA_MAX_LENGTH.name) === '') {
      throw new ValidationFailedError([
        { field: 'holderName', problems: ['holderName must contain latin letters or digits (SEPA character set)'] },
      ]);
    }
    return this.transactions.run(async (manager) => {
      const before = await this.bankAccounts.lockByVenue(manager, venueId);
      const saved = await this.bankAccounts.save(manager, {
        venueId,
        iban: iban.iban,
        bic,
        holderName: dto.holderName.trim(),
        updatedByUserId: actor.userId,
      });
      await this.audit.record(manager, {
        action: before ? 'venue_bank_account.changed' : 'venue_bank_account.registered',
        objectType: 'venue_bank_account',
        objectId: venueId,
        objectOrganisationId: venueId,
        before: before ? { iban: maskIban(before.iban), bic: before.bic, holderName: before.holderName } : null,
        after: { iban: maskIban(saved.iban), bic: saved.bic, holderName: saved.holderName },
      });
      return bankAccountView(saved);
    });
  }

  async getBankAccount(actor: Actor, venueId: string): Promise<BankAccountView> {
    if (actor.organisationKind !== 'anct' && actor.organisationId !== venueId) throw new NotFoundError('Bank account');
    const account = await this.bankAccounts.findByVenue(venueId);
    if (!account) throw new NotFoundError('Bank account');
    return bankAccountView(account);
  }

  /**
   * One pain.001.001.03 file paying the given validated statements, debtor the ANCT account of the
   * settings. The statements are locked, checked and attached to the batch in one transaction, so a
   * statement can never be in two files at once.
   */
  async createBatch(actor: Actor, dto: CreatePaymentBatchDto, now = new Date()): Promise<PaymentBatchView> {
    const execution = checkExecutionDate(dto.requestedExecutionDate, now);
    if (!execution.ok) throw new ReimbursementError('INVALID_EXECUTION_DATE', execution.reason);
    return this.transactions.run(async (manager) => {
      const statements = await this.statements.lockForPayment(manager, dto.statementIds);
      if (statements.length !== dto.statementIds.length) throw new NotFoundError('Statement');
      const notPayable = statements.filter((statement) => statement.status !== 'validated' || statement.paymentBatchId !== null);
      if (notPayable.length > 0) {
        throw new ReimbursementError('STATEMENTS_NOT_PAYABLE', 'Only validated statements not already in a payment file can be paid.', {
          statements: notPayable.map((s) => ({ id: s.id, number: s.number, status: s.status, paymentBatchId: s.paymentBatchId })),
        });
      }
      const withoutAccount = statements.filter((statement) => !hasBankAccount(statement));
      if (withoutAccount.length > 0) {
        throw new ReimbursementError('VENUE_BANK_ACCOUNT_MISSING', 'Some venues have not registered their bank details.', {
          venueIds: [...new Set(withoutAccount.map((s) => s.venueId))],
        });
      }
      const payable = statements.filter(hasBankAccount);
      const messageId = await this.batches.nextMessageId(manager, parisToday(now));
      let xml: string;
      try {
        xml = buildPain001({
          messageId,
          createdAt: now,
          requestedExecutionDate: execution.day,
          debtor: { name: this.config.ANCT_PAYER_NAME, iban: this.config.ANCT_PAYER_IBAN, bic: this.config.ANCT_PAYER_BIC ?? null },
          transfers: payable.map((statement) => ({
            endToEndId: statement.number,
            amountCents: Number(statement.totalCents),
            creditor: { name: statement.holderName, iban: statement.iban, bic: statement.bic },
            remittanceInformation: `Pass numerique releve ${statement.number} ${formatStatementPeriod(statement.periodStart, statement.periodEnd)}`,
          })),
        });
      } catch (error) {
        if (error instanceof SepaInputError) throw new ReimbursementError('SEPA_INVALID_INPUT', error.message, { issues: error.issues });
        throw error;
      }
      const controlSum = statements.reduce((sum, statement) => sum + BigInt(statement.totalCents), 0n);
      const batch = await this.batches.insert(manager, {
        messageId,
        requestedExecutionDate: execution.day,
        transferCount: statements.length,
        controlSumCents: controlSum.toString(),
        xml,
        createdByUserId: actor.userId,
      });
      await this.statements.attachToBatch(
        manager,
        batch.id,
        payable.map((s) => ({ statementId: s.id, iban: s.iban, bic: s.bic, name: s.holderName })),
      );
      await this.audit.record(
        manager,
        {
          action: 'payment_batch.exported',
          objectType: 'payment_batch',
          objectId: batch.id,
          after: {
            messageId,
            transferCount: statements.length,
            controlSumCents: controlSum.toString(),
            requestedExecutionDate: execution.day,
          },
        },
        ...payable.map((s) => ({
          action: 'reimbursement_statement.exported_for_payment',
          objectType: 'reimbursement_statement',
          objectId: s.id,
          objectOrganisationId: s.venueId,
          after: { paymentBatchId: batch.id, messageId, creditorIban: maskIban(s.iban) },
        })),
      );
      return batchView(
        batch,
        statements.map((s) => s.id),
      );
    });
  }

  /**
   * The bank executed the file: every statement in it becomes paid, and the ledger records the
   * venue payments (one line per statement and order, so balances per funder and order add up).
   */
  async confirmBatch(actor: Actor, id: string, dto: ConfirmPaymentBatchDto, now = new Date()): Promise<PaymentBatchView> {
    if (!isCalendarDate(dto.paidOn) || dto.paidOn > parisToday(now)) {
      throw new ReimbursementError('INVALID_EXECUTION_DATE', `paidOn must be a past or present day, got ${JSON.stringify(dto.paidOn)}`);
    }
    return this.transactions.run(async (manager) => {
      const batch = await this.batches.markConfirmed(manager, id, dto.paidOn, dto.bankReference ?? null);
      if (!batch) throw await this.transitionError(id, 'confirm');
      const reference = dto.bankReference ?? batch.messageId;
      const paid = await this.statements.markPaidByBatch(manager, id, reference, dto.paidOn);
      const splits = await this.statements.paymentSplits(
        manager,
        paid.map((statement) => statement.id),
      );
      await this.ledger.append(
        manager,
        splits.map((split) => ({
          kind: 'venue_payment_made' as const,
          amountCents: split.amountCents,
          occurredAt: startOfParisDay(dto.paidOn),
          programmeId: split.programmeId,
          funderId: split.funderId,
          orderId: split.orderId,
          venueId: split.venueId,
          statementId: split.statementId,
          reference,
        })),
      );
      await this.audit.record(
        manager,
        {
          action: 'payment_batch.confirmed',
          objectType: 'payment_batch',
          objectId: id,
          before: { status: 'exported' },
          after: { status: 'confirmed', paidOn: dto.paidOn, reference },
        },
        ...paid.map((statement) => ({
          action: 'reimbursement_statement.paid',
          objectType: 'reimbursement_statement',
          objectId: statement.id,
          objectOrganisationId: statement.venueId,
          before: { status: 'validated' },
          after: { status: 'paid', paymentReference: reference, paidOn: dto.paidOn, totalCents: statement.totalCents },
        })),
      );
      for (const statement of paid) {
        await this.notifications.notifyOrganisations(manager, {
          kind: 'statement_paid',
          eventKey: `reimbursement_statement.paid:${statement.id}`,
          organisations: [statement.venueId],
          content: statementPaidMail({
            ...statement,
            paidOn: dto.paidOn,
            reference,
            url: this.notifications.link(WEB_PATHS.venueStatements),
          }),
        });
      }
      return batchView(
        batch,
        paid.map((statement) => statement.id),
      );
    });
  }

  /** The file was not sent (or rejected as a whole): its statements can go in another one. */
  async cancelBatch(actor: Actor, id: string): Promise<PaymentBatchView> {
    return this.transactions.run(async (manager) => {
      const batch = await this.batches.markCancelled(manager, id);
      if (!batch) throw await this.transitionError(id, 'cancel');
      const released = await this.statements.detachFromBatch(manager, id);
      await this.audit.record(
        manager,
        {
          action: 'payment_batch.cancelled',
          objectType: 'payment_batch',
          objectId: id,
          before: { status: 'exported' },
          after: { status: 'cancelled' },
        },
        ...released.map((statement) => ({
          action: 'reimbursement_statement.released_from_payment',
          objectType: 'reimbursement_statement',
          objectId: statement.id,
          objectOrganisationId: statement.venueId,
          before: { paymentBatchId: id },
          after: { paymentBatchId: null },
        })),
      );
      return batchView(
        batch,
        released.map((statement) => statement.id),
      );
    });
  }

  async listBatches(query: PaginationQuery): Promise<Page<PaymentBatchView>> {
    const { items, total } = await this.batches.list(query);
    return { items: items.map((batch) => batchView(batch)), total, limit: query.limit, offset: query.offset };
  }

  async getBatch(id: string): Promise<PaymentBatchView> {
    const batch = await this.batches.findById(id);
    if (!batch) throw new NotFoundError('Payment batch');
    return batchView(batch);
  }

  async sepaFile(id: string): Promise<{ xml: string; fileName: string }> {
    const batch = await this.batches.findById(id);
    if (!batch) throw new NotFoundError('Payment batch');
    return { xml: batch.xml, fileName: `${batch.messageId}.xml` };
  }

  private async transitionError(id: string, attempted: string): Promise<Error> {
    const current = await this.batches.findById(id);
    return current ? new InvalidTransitionError('payment batch', current.status, attempted) : new NotFoundError('Payment batch');
  }
}

/** The venue has bank details (`iban` and `holder_name` are NOT NULL in venue_bank_accounts: both or neither). */
function hasBankAccount<T extends { iban: string | null; holderName: string | null }>(
  statement: T,
): statement is T & { iban: string; holderName: string } {
  return Boolean(statement.iban) && Boolean(statement.holderName);
}
