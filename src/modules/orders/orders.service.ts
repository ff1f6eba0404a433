import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { InvalidTransitionError, NotFoundError } from '../../common/errors/common-errors';
import type { Page } from '../../common/http/pagination.query';
import { parisToday, startOfParisDay } from '../../common/time/paris-time';
import { TransactionRunner } from '../../database/transaction-runner';
import { orderApprovedMail, orderRejectedMail } from '../notifications/notification-messages';
import { NotificationsService } from '../notifications/notifications.service';
import { CarnetGenerationQueue } from '../carnets/carnet-generation.queue';
import type { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { LedgerRepository, NewLedgerEntry } from '../ledger/ledger.repository';
import { ProgrammesRepository } from '../programmes/programmes.repository';
import type { CancelOrderDto } from './dto/cancel-order.dto';
import type { CreateOrderDto } from './dto/create-order.dto';
import type { ListOrdersQuery } from './dto/list-orders.query';
import type { RecordPaymentDto } from './dto/record-payment.dto';
import type { RejectOrderDto } from './dto/reject-order.dto';
import { pricingRulesOf } from './order-pricing.rules';
import { OrderEntity } from './order.entity';
import { OrderError } from './orders.errors';
import { OrdersRepository } from './orders.repository';
import { WEB_PATHS } from '../../web/web-paths';
import {
  assertPaymentCoversOrder,
  assertPaymentDateNotInFuture,
  canTransition,
  assertPrintableTerritory,
  normaliseTerritory,
  ORDER_TRANSITIONS,
  orderBalance,
  OrderBalance,
  OrderTransition,
  priceOrder,
} from './orders.rules';

export interface GenerationProgress {
  doneCarnets: number;
  totalCarnets: number;
  doneVouchers: number;
  totalVouchers: number;
}

export type OrderView = OrderEntity & { generation: GenerationProgress };

export interface OrderLedgerView {
  orderId: string;
  entries: LedgerEntryEntity[];
  balance: OrderBalance;
}

interface TransitionEffect {
  changes?: Partial<OrderEntity>;
  /** What the audit row should say beyond the columns changed (e.g. a cancellation's reason). */
  auditDetails?: Record<string, unknown>;
}

/** Ledger kinds an order's approval creates, and that its cancellation reverses. */
const DUE_KINDS = ['order_face_value_due', 'operator_fee_due'] as const;

export function toOrderView(order: OrderEntity): OrderView {
  return {
    ...order,
    generation: {
      doneCarnets: order.generationDone,
      totalCarnets: order.carnetCount,
      doneVouchers: order.generationDone * order.carnetSize,
      totalVouchers: order.carnetCount * order.carnetSize,
    },
  };
}

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    private readonly orders: OrdersRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly ledger: LedgerRepository,
    private readonly generationQueue: CarnetGenerationQueue,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(actor: OrganisationActor, dto: CreateOrderDto): Promise<OrderView> {
    const funderId = actor.organisationId;
    return this.transactions.run(async (manager) => {
      // The enrolment row lock serialises the funder's orders in this programme (see reservedStateShare).
      const enrolment = await this.programmes.findEnrolmentForUpdate(manager, dto.programmeId, funderId);
      const programme = enrolment && (await this.programmes.findById(dto.programmeId, manager));
      if (!enrolment || !programme) throw new NotFoundError('Programme');
      if (programme.status !== 'open') {
        throw new OrderError('PROGRAMME_CLOSED', 'The programme accepts no new order.', { rule: 'status', status: programme.status });
      }
      const today = parisToday(new Date());
      if (programme.validUntil < today) {
        throw new OrderError('PROGRAMME_EXPIRED', 'The programme validity has ended.', {
          rule: 'validUntil',
          validUntil: programme.validUntil,
          today,
        });
      }
      const price = priceOrder(pricingRulesOf(programme), dto, {
        envelopeCents: BigInt(enrolment.envelopeCents),
        reservedCents: await this.orders.reservedStateShare(programme.id, funderId, manager),
      });
      const territoryDepartements = normaliseTerritory(dto.territoryDepartements);
      const territoryCommunes = normaliseTerritory(dto.territoryCommunes);
      assertPrintableTerritory(territoryDepartements, territoryCommunes);
      const sequence = await this.orders.nextSequence(manager);
      const order = await this.orders.insert(manager, {
        number: `${programme.year}-${String(sequence).padStart(4, '0')}`,
        sequence,
        programmeId: programme.id,
        funderId,
        status: 'draft',
        carnetCount: dto.carnetCount,
        carnetSize: dto.carnetSize,
        faceValueCents: programme.faceValueCents,
        faceValueTotalCents: price.faceValueTotalCents.toString(),
        feeCents: price.feeCents.toString(),
        totalDueCents: price.totalDueCents.toString(),
        maxStateShareCents: price.maxStateShareCents.toString(),
        personalisationText: dto.personalisationText?.trim() || null,
        territoryDepartements,
        territoryCommunes,
        createdByUserId: actor.userId,
      });
      await this.audit.record(manager, {
        action: 'order.created',
        objectType: 'order',
        objectId: order.id,
        objectOrganisationId: funderId,
        after: { ...order, remainingEnvelopeCents: price.remainingEnvelopeCents.toString() },
      });
      return toOrderView(order);
    });
  }

  async list(actor: OrganisationActor, query: ListOrdersQuery): Promise<Page<OrderView>> {
    const page = await this.orders.list(actor, query);
    return { ...page, items: page.items.map(toOrderView) };
  }

  async get(actor: OrganisationActor, id: string): Promise<OrderView> {
    const order = await this.orders.findVisibleTo(actor, id);
    if (!order) throw new NotFoundError('Order');
    return toOrderView(order);
  }

  submit(actor: OrganisationActor, id: string): Promise<OrderView> {
    return this.transition(actor, id, 'submit', async () => ({ changes: { submittedAt: new Date() } }));
  }

  /** ANCT approves: the funder now owes the face value and the fee (ledger lines, in the same transaction). */
  approve(actor: OrganisationActor, id: string): Promise<OrderView> {
    return this.transition(actor, id, 'approve', async (manager, order) => {
      const now = new Date();
      const entries: NewLedgerEntry[] = [
        { kind: 'order_face_value_due', amountCents: order.faceValueTotalCents, occurredAt: now },
        { kind: 'operator_fee_due', amountCents: order.feeCents, occurredAt: now },
      ];
      await this.ledger.append(
        manager,
        entries.filter((entry) => entry.amountCents !== '0').map((entry) => ({ ...entry, ...ledgerScope(order) })),
      );
      return { changes: { decidedAt: now } };
    });
  }

  reject(actor: OrganisationActor, id: string, dto: RejectOrderDto): Promise<OrderView> {
    return this.transition(actor, id, 'reject', async () => ({ changes: { decidedAt: new Date(), rejectionReason: dto.reason } }));
  }

  /**
   * ANCT records the funder's payment; only then may chèques exist. The generation job is queued
   * after the commit (a job must never see an order that is not paid yet); if Redis refuses it,
   * the payment stands and the next worker start queues it.
   */
  async recordPayment(actor: OrganisationActor, id: string, dto: RecordPaymentDto): Promise<OrderView> {
    assertPaymentDateNotInFuture(dto.paymentDate, parisToday(new Date()));
    const order = await this.transition(actor, id, 'recordPayment', async (manager, locked) => {
      assertPaymentCoversOrder(BigInt(dto.amountCents), BigInt(locked.totalDueCents));
      await this.ledger.append(manager, [
        {
          kind: 'funder_payment_received',
          amountCents: String(dto.amountCents),
          occurredAt: startOfParisDay(dto.paymentDate),
          reference: dto.paymentReference,
          ...ledgerScope(locked),
        },
      ]);
      return { changes: { paymentReference: dto.paymentReference, paymentDate: dto.paymentDate, paidAt: new Date() } };
    });
    await this.generationQueue.ensureQueued(order.id).catch((error: Error) => {
      this.logger.error(
        `Order ${order.id} is paid but its generation job could not be queued (${error.message}); a worker start will queue it.`,
      );
    });
    return order;
  }

  /** Before payment only; once approved, the dues are reversed by opposite ledger lines (the ledger is append-only). */
  cancel(actor: OrganisationActor, id: string, dto: CancelOrderDto): Promise<OrderView> {
    return this.transition(actor, id, 'cancel', async (manager, order) => {
      if (order.status === 'approved') {
        const lines = await this.ledger.listByOrder(order.id, manager);
        const reversed = new Set(lines.map((line) => line.reversesEntryId).filter(Boolean));
        const now = new Date();
        await this.ledger.append(
          manager,
          lines
            .filter((line) => (DUE_KINDS as readonly string[]).includes(line.kind) && !line.reversesEntryId && !reversed.has(line.id))
            .map((line) => ({
              kind: line.kind,
              amountCents: (-BigInt(line.amountCents)).toString(),
              occurredAt: now,
              reversesEntryId: line.id,
              ...ledgerScope(order),
            })),
        );
      }
      return { auditDetails: dto.reason ? { reason: dto.reason } : {} };
    });
  }

  async ledgerOf(actor: OrganisationActor, id: string): Promise<OrderLedgerView> {
    const order = await this.orders.findVisibleTo(actor, id);
    if (!order) throw new NotFoundError('Order');
    const [entries, totals] = await Promise.all([this.ledger.listByOrder(order.id), this.ledger.totalsByKind({ orderId: order.id })]);
    return { orderId: order.id, entries, balance: orderBalance(totals) };
  }

  /**
   * Every state change of an order: the row is locked, the transition checked against its current
   * state (409 with that state otherwise), the change applied with its ledger lines and audited, in
   * one transaction. Of two simultaneous identical calls, the second waits for the lock, then finds
   * the new state and gets the 409.
   */
  private async transition(
    actor: OrganisationActor,
    id: string,
    transition: OrderTransition,
    apply: (manager: EntityManager, order: OrderEntity) => Promise<TransitionEffect>,
  ): Promise<OrderView> {
    return this.transactions.run(async (manager) => {
      const order = await this.orders.findVisibleToForUpdate(manager, actor, id);
      if (!order) throw new NotFoundError('Order');
      if (!canTransition(transition, order.status)) throw new InvalidTransitionError('order', order.status, transition);
      const { changes = {}, auditDetails = {} } = await apply(manager, order);
      const updated = await this.orders.update(manager, id, { ...changes, status: ORDER_TRANSITIONS[transition].to });
      await this.audit.record(manager, {
        // Every target state reads as a past participle: order.submitted, order.approved, order.paid…
        action: `order.${updated.status}`,
        objectType: 'order',
        objectId: id,
        objectOrganisationId: order.funderId,
        before: { status: order.status },
        after: { status: updated.status, ...changes, ...auditDetails },
      });
      await this.notifyDecision(manager, updated);
      return toOrderView(updated);
    });
  }

  /** The funder's users hear of ANCT's decision by e-mail, written in the decision's transaction. */
  private async notifyDecision(manager: EntityManager, order: OrderEntity): Promise<void> {
    const facts = { ...order, url: this.notifications.link(WEB_PATHS.home) };
    if (order.status === 'approved') {
      await this.notifications.notifyOrganisations(manager, {
        kind: 'order_approved',
        eventKey: `order.approved:${order.id}`,
        organisations: [order.funderId],
        content: orderApprovedMail(facts),
      });
    } else if (order.status === 'rejected') {
      const content = orderRejectedMail({ ...facts, reason: order.rejectionReason ?? '' });
      await this.notifications.notifyOrganisations(manager, {
        kind: 'order_rejected',
        eventKey: `order.rejected:${order.id}`,
        organisations: [order.funderId],
        content,
      });
    }
  }
}

function ledgerScope(order: OrderEntity): Pick<NewLedgerEntry, 'programmeId' | 'funderId' | 'orderId'> {
  return { programmeId: order.programmeId, funderId: order.funderId, orderId: order.id };
}
