import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditRecord, AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { CommonError, NotFoundError } from '../../common/errors/common-errors';
import type { Page } from '../../common/http/pagination.query';
import { isConcurrencyFailure } from '../../database/postgres-errors';
import { TransactionRunner } from '../../database/transaction-runner';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { CarnetError } from './carnets.errors';
import { CarnetMoveDirection, CarnetsRepository, MovedCarnet } from './carnets.repository';
import { carnetSelection, CarnetSelection, NumberRun, StockSummary, summariseCarnetRuns, summariseStock } from './carnets.rules';
import type { ListCarnetsQuery } from './dto/list-carnets.query';
import type { CarnetDto } from './dto/carnet.dto';
import type { CarnetAlertGroupDto, CarnetAlertsDto } from './dto/carnet-alerts.dto';
import { AppConfig } from '../../config/app-config';
import { distributionClosesAt } from '../passes/passes.rules';
import { holdingAlertOf } from './carnet-alerts.rules';
import { carnetScopeOf } from './carnet-scope';
import type { MoveCarnetsDto } from './dto/move-carnets.dto';

export interface CarnetMove {
  prescriberId: string;
  count: number;
  runs: NumberRun[];
}

/** Audit rows of one statement stay well below PostgreSQL's 65,535 bind parameters. */
const AUDIT_ROWS_PER_INSERT = 1_000;

@Injectable()
export class CarnetsService {
  constructor(
    private readonly carnets: CarnetsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** A funder's stock of every ready order, or a prescriber's: carnet counts by status, per order and per structure. */
  async stock(actor: OrganisationActor): Promise<StockSummary> {
    const scope = actor.organisationKind === 'funder' ? { funderId: actor.organisationId } : { prescriberId: actor.organisationId };
    return summariseStock(await this.carnets.stockCounts(scope));
  }

  /** Each carnet with its expiry, the end of its distribution and what became of its chèques. */
  async list(actor: OrganisationActor, query: ListCarnetsQuery): Promise<Page<CarnetDto>> {
    const { items, total } = await this.carnets.list(actor, query);
    const summaries = await this.carnets.voucherSummaries(items.map((carnet) => carnet.id));
    const listed = items.map((carnet): CarnetDto => {
      const summary = summaries.get(carnet.id);
      // A carnet is created with its vouchers, so every carnet has a summary.
      if (!summary) throw new Error(`Carnet ${carnet.id} has no vouchers.`);
      const { expiresAt, ...vouchers } = summary;
      return { ...carnet, expiresAt, distributionClosesAt: distributionClosesAt(expiresAt, this.config.DISTRIBUTION_STOP_DAYS), vouchers };
    });
    return { items: listed, total, limit: query.limit, offset: query.offset };
  }

  /** Carnets still in the actor's stock that expire within EXPIRY_WARNING_DAYS or can no longer be handed out. */
  async alerts(actor: OrganisationActor, now = new Date()): Promise<CarnetAlertsDto> {
    const alerts: CarnetAlertsDto = {
      warningDays: this.config.EXPIRY_WARNING_DAYS,
      distributionStopDays: this.config.DISTRIBUTION_STOP_DAYS,
      expiringSoon: [],
      distributionClosed: [],
    };
    for (const group of await this.carnets.heldByExpiry(carnetScopeOf(actor))) {
      const alert = holdingAlertOf(group.expiresAt, now, this.config.EXPIRY_WARNING_DAYS, this.config.DISTRIBUTION_STOP_DAYS);
      if (!alert) continue;
      const item: CarnetAlertGroupDto = {
        ...group,
        distributionClosesAt: distributionClosesAt(group.expiresAt, this.config.DISTRIBUTION_STOP_DAYS),
      };
      (alert === 'distribution_closed' ? alerts.distributionClosed : alerts.expiringSoon).push(item);
    }
    return alerts;
  }

  /** In-stock carnets go to one of the funder's prescriber structures; their chèques become `allocated`. */
  allocate(actor: OrganisationActor, dto: MoveCarnetsDto): Promise<CarnetMove> {
    return this.move(actor, dto, {
      action: 'carnet.allocated',
      direction: 'allocate',
      vouchers: { from: 'active', to: 'allocated' },
      before: () => ({ status: 'in_stock', prescriberId: null }),
      after: (carnet) => ({ status: 'allocated', prescriberId: carnet.prescriberId }),
    });
  }

  /** Unissued carnets come back from a prescriber to the funder's stock, to be allocated again. */
  takeBack(actor: OrganisationActor, dto: MoveCarnetsDto): Promise<CarnetMove> {
    return this.move(actor, dto, {
      action: 'carnet.taken_back',
      direction: 'take_back',
      vouchers: { from: 'allocated', to: 'active' },
      before: () => ({ status: 'allocated', prescriberId: dto.prescriberId }),
      after: () => ({ status: 'in_stock', prescriberId: null }),
    });
  }

  /**
   * All or nothing: a count that the stock cannot fill (422) or a range with a carnet not in the
   * expected state (409) rolls the whole move back. Races are settled by PostgreSQL: conditional
   * updates, and SKIP LOCKED for counts, so no carnet is ever moved by two requests.
   */
  private async move(actor: OrganisationActor, dto: MoveCarnetsDto, how: MoveDefinition): Promise<CarnetMove> {
    try {
      return await this.moveInTransaction(actor, dto, how);
    } catch (error) {
      // Two requests locking the same chèques in different orders (e.g. a move and an opposition): nothing was changed.
      if (isConcurrencyFailure(error))
        throw new CommonError('CONCURRENT_MODIFICATION', 'These carnets were being changed by another request; try again.');
      throw error;
    }
  }

  private async moveInTransaction(actor: OrganisationActor, dto: MoveCarnetsDto, how: MoveDefinition): Promise<CarnetMove> {
    const funderId = actor.organisationId;
    const selection = carnetSelection(dto);
    return this.transactions.run(async (manager) => {
      if (!(await this.organisations.isPrescriberOfFunder(dto.prescriberId, funderId, manager))) throw new NotFoundError('Prescriber');
      const moved = await this.moveSelection(manager, how.direction, funderId, dto.prescriberId, selection);
      await this.carnets.moveVouchersOfCarnets(
        manager,
        moved.map((carnet) => carnet.id),
        how.vouchers.from,
        how.vouchers.to,
      );
      for (let start = 0; start < moved.length; start += AUDIT_ROWS_PER_INSERT) {
        const records: AuditRecord[] = moved.slice(start, start + AUDIT_ROWS_PER_INSERT).map((carnet) => ({
          action: how.action,
          objectType: 'carnet',
          objectId: carnet.id,
          objectOrganisationId: funderId,
          before: how.before(carnet),
          after: { number: carnet.number, ...how.after(carnet) },
        }));
        await this.audit.record(manager, ...records);
      }
      return { prescriberId: dto.prescriberId, count: moved.length, runs: summariseCarnetRuns(moved) };
    });
  }

  private async moveSelection(
    manager: EntityManager,
    direction: CarnetMoveDirection,
    funderId: string,
    prescriberId: string,
    selection: CarnetSelection,
  ): Promise<MovedCarnet[]> {
    if (selection.kind === 'count') {
      const moved = await this.carnets.moveByCount(manager, direction, funderId, prescriberId, selection.count, selection.orderId);
      if (moved.length < selection.count) {
        throw new CarnetError('INSUFFICIENT_STOCK', `Only ${moved.length} of the ${selection.count} carnets asked for can be moved.`, {
          requested: selection.count,
          available: moved.length,
        });
      }
      return moved;
    }
    const { range } = selection;
    const first = await this.carnets.findFunderCarnetByNumber(manager, funderId, range.fromNumber);
    if (!first) throw new NotFoundError('Carnet');
    const moved = await this.carnets.moveRange(
      manager,
      direction,
      funderId,
      prescriberId,
      first.orderId,
      range.fromSequence,
      range.toSequence,
    );
    if (moved.length !== range.count) {
      throw new CarnetError('CARNETS_NOT_AVAILABLE', `${range.count - moved.length} carnets of the range are not in the expected state.`, {
        requested: range.count,
        available: moved.length,
      });
    }
    return moved;
  }
}

interface MoveDefinition {
  action: string;
  direction: CarnetMoveDirection;
  vouchers: { from: 'active' | 'allocated'; to: 'active' | 'allocated' };
  before(carnet: MovedCarnet): Record<string, unknown>;
  after(carnet: MovedCarnet): Record<string, unknown>;
}
