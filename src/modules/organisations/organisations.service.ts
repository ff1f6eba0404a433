import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import type { Page } from '../../common/http/pagination.query';
import { TransactionRunner } from '../../database/transaction-runner';
import { Invitation, UsersService } from '../users/users.service';
import type { CreateFunderDto } from './dto/create-funder.dto';
import type { CreatePrescriberDto } from './dto/create-prescriber.dto';
import type { CreateVenueDto } from './dto/create-venue.dto';
import type { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationError } from './organisations.errors';
import { OrganisationsRepository } from './organisations.repository';
import { departementOfCommune, isValidSiren, isValidSiret } from './organisations.rules';

export interface CreatedOrganisation {
  organisation: OrganisationEntity;
  adminInvitation: Invitation | null;
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async createFunder(dto: CreateFunderDto): Promise<CreatedOrganisation> {
    if (!isValidSiren(dto.siren)) throw new OrganisationError('INVALID_SIREN', `SIREN ${dto.siren} has an invalid check digit.`);
    return this.createInTransaction(async (manager) => {
      if (await this.organisations.findFunderBySiren(dto.siren, manager)) {
        throw new OrganisationError('SIREN_ALREADY_REGISTERED', `A funder with SIREN ${dto.siren} already exists.`);
      }
      const organisation = await this.insertAudited(manager, {
        kind: 'funder',
        name: dto.name,
        siren: dto.siren,
        funderKind: dto.funderKind,
        departementCode: dto.departementCode,
      });
      const adminInvitation = await this.users.createInvitedUser(manager, organisation, { ...dto.admin, isOrganisationAdmin: true });
      return { organisation, adminInvitation };
    });
  }

  /** A new venue, pending qualification, with its first administrator; in the caller's transaction (the venues domain adds its sites and services). */
  async registerVenue(manager: EntityManager, dto: CreateVenueDto): Promise<CreatedOrganisation> {
    assertValidSiret(dto.siret);
    if (await this.organisations.findByKindAndSiret('venue', dto.siret, manager)) {
      throw new OrganisationError('SIRET_ALREADY_REGISTERED', `A venue with SIRET ${dto.siret} already exists.`);
    }
    const organisation = await this.insertAudited(manager, {
      kind: 'venue',
      qualificationStatus: 'pending',
      qualificationChangedAt: new Date(),
      name: dto.name,
      siret: dto.siret,
      siren: dto.siret.slice(0, 9),
      addressLine: dto.addressLine,
      postalCode: dto.postalCode,
      city: dto.city,
      communeInseeCode: dto.communeInseeCode,
      departementCode: departementOfCommune(dto.communeInseeCode),
    });
    const adminInvitation = await this.users.createInvitedUser(manager, organisation, { ...dto.admin, isOrganisationAdmin: true });
    return { organisation, adminInvitation };
  }

  /** A funder registers the structures that distribute its carnets; a structure already known is linked, not duplicated. */
  async createOrLinkPrescriber(actor: OrganisationActor, dto: CreatePrescriberDto): Promise<CreatedOrganisation> {
    assertValidSiret(dto.siret);
    const funderId = actor.organisationId;
    return this.createInTransaction(async (manager) => {
      const existing = await this.organisations.findByKindAndSiret('prescriber', dto.siret, manager);
      if (existing) {
        await this.organisations.linkPrescriberToFunder(manager, existing.id, funderId);
        await this.audit.record(manager, {
          action: 'prescriber.linked_to_funder',
          objectType: 'organisation',
          objectId: existing.id,
          objectOrganisationId: existing.id,
          after: { funderId },
        });
        return { organisation: existing, adminInvitation: null };
      }
      if (!dto.admin) {
        throw new ValidationFailedError([{ field: 'admin', problems: ['admin is required to create a new prescriber structure'] }]);
      }
      const organisation = await this.insertAudited(manager, {
        kind: 'prescriber',
        name: dto.name,
        siret: dto.siret,
        siren: dto.siret.slice(0, 9),
        addressLine: dto.addressLine ?? null,
        communeInseeCode: dto.communeInseeCode,
        departementCode: departementOfCommune(dto.communeInseeCode),
      });
      await this.organisations.linkPrescriberToFunder(manager, organisation.id, funderId);
      const adminInvitation = await this.users.createInvitedUser(manager, organisation, { ...dto.admin, isOrganisationAdmin: true });
      return { organisation, adminInvitation };
    });
  }

  /**
   * First start of an install: creates the ANCT organisation if needed and invites an ANCT administrator.
   * Run from the command line (`npm run create-anct-admin`), never through the API.
   */
  async bootstrapAnctAdmin(email: string, displayName: string): Promise<Invitation> {
    return this.transactions.run(async (manager) => {
      const anct =
        (await this.organisations.findAnct(manager)) ??
        (await this.insertAudited(manager, { kind: 'anct', name: 'Agence nationale de la cohésion des territoires' }));
      return this.users.createInvitedUser(manager, anct, { email, displayName, isOrganisationAdmin: true });
    });
  }

  async list(actor: OrganisationActor, query: ListOrganisationsQuery): Promise<Page<OrganisationEntity>> {
    return this.organisations.listVisibleTo(actor, query);
  }

  async get(actor: OrganisationActor, id: string): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findVisibleTo(actor, id);
    if (!organisation) throw new NotFoundError('Organisation');
    return organisation;
  }

  /**
   * The existence checks above give clear answers in the common case; two simultaneous identical
   * requests are settled by the unique indexes, and the loser gets the same 409 instead of a 500
   * (see common/errors/unique-violation.ts). Public for registrations that add their own rows in the
   * same transaction (a venue application).
   */
  createInTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.run(work);
  }

  private async insertAudited(manager: EntityManager, values: Partial<OrganisationEntity>): Promise<OrganisationEntity> {
    const organisation = await this.organisations.insert(manager, values);
    await this.audit.record(manager, {
      action: 'organisation.created',
      objectType: 'organisation',
      objectId: organisation.id,
      objectOrganisationId: organisation.id,
      after: { ...values },
    });
    return organisation;
  }
}

function assertValidSiret(siret: string): void {
  if (!isValidSiret(siret)) throw new OrganisationError('INVALID_SIRET', `SIRET ${siret} has an invalid check digit.`);
}
