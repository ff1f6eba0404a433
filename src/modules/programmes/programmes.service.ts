import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import type { Page, PaginationQuery } from '../../common/http/pagination.query';
import { isUniqueViolation } from '../../database/postgres-errors';
import { TransactionRunner } from '../../database/transaction-runner';
import { OrdersRepository } from '../orders/orders.repository';
import { remainingEnvelope } from '../orders/order-pricing.rules';
import { OrganisationError } from '../organisations/organisations.errors';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { CreateProgrammeDto } from './dto/create-programme.dto';
import type { EnrolFunderDto } from './dto/enrol-funder.dto';
import type { ListProgrammesQuery } from './dto/list-programmes.query';
import type { UpdateProgrammeDto } from './dto/update-programme.dto';
import type { ProgrammeEnrolmentEntity } from './programme-enrolment.entity';
import type { ProgrammeEntity } from './programme.entity';
import { ProgrammeError } from './programmes.errors';
import { ProgrammesRepository } from './programmes.repository';
import { assertEnvelopeWithinCap } from './programmes.rules';

export interface EnrolmentView extends ProgrammeEnrolmentEntity {
  /** Maximum State shares of the funder's live orders in the programme. */
  reservedCents: string;
  remainingCents: string;
}

/** A funder sees the programme with its own envelope; ANCT sees the programme alone. */
export type ProgrammeView = ProgrammeEntity & { enrolment?: EnrolmentView };

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly programmes: ProgrammesRepository,
    private readonly orders: OrdersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateProgrammeDto): Promise<ProgrammeEntity> {
    return this.nameConflictAsError(dto, () =>
      this.transactions.run(async (manager) => {
        await this.assertNameFree(manager, dto.name, dto.year);
        const programme = await this.programmes.insert(manager, toColumns(dto));
        await this.audit.record(manager, {
          action: 'programme.created',
          objectType: 'programme',
          objectId: programme.id,
          after: { ...programme },
        });
        return programme;
      }),
    );
  }

  async update(id: string, dto: UpdateProgrammeDto): Promise<ProgrammeEntity> {
    return this.nameConflictAsError(dto, () =>
      this.transactions.run(async (manager) => {
        const before = await this.programmes.findByIdForUpdate(manager, id);
        if (!before) throw new NotFoundError('Programme');
        const name = dto.name ?? before.name;
        const year = dto.year ?? before.year;
        if (name !== before.name || year !== before.year) await this.assertNameFree(manager, name, year, id);
        const after = await this.programmes.update(manager, id, toColumns(dto));
        await this.audit.record(manager, {
          action: 'programme.updated',
          objectType: 'programme',
          objectId: id,
          before: { ...before },
          after: { ...after },
        });
        return after;
      }),
    );
  }

  async list(actor: OrganisationActor, query: ListProgrammesQuery): Promise<Page<ProgrammeView>> {
    const enrolledFunderId = actor.organisationKind === 'funder' ? actor.organisationId : undefined;
    const page = await this.programmes.list({ ...query, enrolledFunderId });
    const views = enrolledFunderId
      ? await Promise.all(page.items.map((programme) => this.withEnrolment(programme, enrolledFunderId)))
      : page.items;
    return { ...page, items: views };
  }

  /** A funder only sees the programmes it is enrolled in; any other is "not found". */
  async get(actor: OrganisationActor, id: string): Promise<ProgrammeView> {
    const programme = await this.programmes.findById(id);
    if (!programme) throw new NotFoundError('Programme');
    if (actor.organisationKind !== 'funder') return programme;
    return this.withEnrolment(programme, actor.organisationId);
  }

  async enrol(programmeId: string, dto: EnrolFunderDto): Promise<EnrolmentView> {
    return this.transactions.run(async (manager) => {
      const programme = await this.programmes.findById(programmeId, manager);
      if (!programme) throw new NotFoundError('Programme');
      const funder = await this.organisations.findById(dto.funderId, manager);
      if (!funder || funder.kind !== 'funder') throw new OrganisationError('UNKNOWN_FUNDER', 'No funder has this id.');
      const envelopeCents = dto.envelopeCents === undefined ? BigInt(programme.defaultFunderCapCents) : BigInt(dto.envelopeCents);
      assertEnvelopeWithinCap(envelopeCents, BigInt(programme.defaultFunderCapCents));
      const enrolment = await this.programmes.insertEnrolment(manager, {
        programmeId,
        funderId: funder.id,
        envelopeCents: envelopeCents.toString(),
      });
      if (!enrolment) throw new ProgrammeError('FUNDER_ALREADY_ENROLLED', 'This funder is already enrolled in the programme.');
      await this.audit.record(manager, {
        action: 'programme.funder_enrolled',
        objectType: 'programme_enrolment',
        objectId: enrolment.id,
        objectOrganisationId: funder.id,
        after: { programmeId, funderId: funder.id, envelopeCents: enrolment.envelopeCents },
      });
      return this.enrolmentView(enrolment, manager);
    });
  }

  async listEnrolments(programmeId: string, query: PaginationQuery): Promise<Page<EnrolmentView>> {
    if (!(await this.programmes.findById(programmeId))) throw new NotFoundError('Programme');
    const { items, total } = await this.programmes.listEnrolments(programmeId, query);
    return {
      items: await Promise.all(items.map((enrolment) => this.enrolmentView(enrolment))),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  private async withEnrolment(programme: ProgrammeEntity, funderId: string): Promise<ProgrammeView> {
    const enrolment = await this.programmes.findEnrolment(programme.id, funderId);
    if (!enrolment) throw new NotFoundError('Programme');
    return { ...programme, enrolment: await this.enrolmentView(enrolment) };
  }

  private async enrolmentView(enrolment: ProgrammeEnrolmentEntity, manager?: EntityManager): Promise<EnrolmentView> {
    const reserved = await this.orders.reservedStateShare(enrolment.programmeId, enrolment.funderId, manager);
    const remaining = remainingEnvelope({ envelopeCents: BigInt(enrolment.envelopeCents), reservedCents: reserved });
    return { ...enrolment, reservedCents: reserved.toString(), remainingCents: remaining.toString() };
  }

  /** The check above answers the usual case; the unique index answers two simultaneous requests. */
  private async nameConflictAsError<T>(dto: { name?: string; year?: number }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'uq_programmes_name_year')) {
        throw new ProgrammeError('PROGRAMME_ALREADY_EXISTS', `A programme with this name already exists for this year.`, {
          name: dto.name,
          year: dto.year,
        });
      }
      throw error;
    }
  }

  private async assertNameFree(manager: EntityManager, name: string, year: number, exceptId?: string): Promise<void> {
    if (await this.programmes.existsWithNameAndYear(manager, name, year, exceptId)) {
      throw new ProgrammeError('PROGRAMME_ALREADY_EXISTS', `A programme "${name}" already exists for ${year}.`);
    }
  }
}

/** DTO fields to entity columns: money in `bigint` columns travels as decimal strings. */
function toColumns(dto: UpdateProgrammeDto): Partial<ProgrammeEntity> {
  const { defaultFunderCapCents, minimumOrderCents, offlineValueCeilingCents, ...rest } = dto;
  const columns: Partial<ProgrammeEntity> = { ...rest };
  if (defaultFunderCapCents !== undefined) columns.defaultFunderCapCents = String(defaultFunderCapCents);
  if (minimumOrderCents !== undefined) columns.minimumOrderCents = String(minimumOrderCents);
  if (offlineValueCeilingCents !== undefined) columns.offlineValueCeilingCents = String(offlineValueCeilingCents);
  return columns;
}
