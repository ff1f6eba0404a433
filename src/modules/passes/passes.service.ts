import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { InvalidTransitionError, NotFoundError } from '../../common/errors/common-errors';
import { ValidationFailedError, type FieldProblem } from '../../common/errors/validation-failed.error';
import { isCalendarDate } from '../../common/time/paris-time';
import { voucherExpiresAt } from '../programmes/programmes.rules';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { departementOfCommune } from '../organisations/organisations.rules';
import { VoucherQrService } from '../signing/voucher-qr.service';
import type { IssueCarnetDto, PersonIdentityDto } from './dto/issue-carnet.dto';
import type { CarnetIssuanceDto } from './dto/carnet-issuance.dto';
import type { HolderCheckDto } from './dto/holder-check.dto';
import type { ListCarnetIssuancesQuery } from './dto/list-carnet-issuances.query';
import type { Page } from '../../common/http/pagination.query';
import { CarnetsRepository } from '../carnets/carnets.repository';
import type { IssuedCarnetDto, IssueWarningDto } from './dto/issued-carnet.dto';
import type { ReplaceCarnetDto } from './dto/replace-carnet.dto';
import { PassError } from './passes.errors';
import { CarnetForIssue, PassesRepository } from './passes.repository';
import { distributionClosesAt, personPseudonym } from './passes.rules';
import type { ReasonCategory } from './reason-category';

interface Handout {
  beneficiaryId: string;
  reasonCategory: ReasonCategory;
  replacesCarnetId: string | null;
  warnings: IssueWarningDto[];
}

/** Handing a carnet of the structure's stock to a beneficiary, and replacing one put in opposition. */
@Injectable()
export class PassesService {
  constructor(
    private readonly passes: PassesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly voucherQr: VoucherQrService,
    private readonly config: AppConfig,
    private readonly carnets: CarnetsRepository,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The pseudonymous check a prescriber may run before handing out: how many active carnets the person
   * typed holds, in any structure. Nothing is recorded; the answer is a warning to discuss, never a refusal.
   */
  async checkHolder(person: PersonIdentityDto): Promise<HolderCheckDto> {
    const problems = personProblems(person, new Date());
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const personKey = personPseudonym(this.config.PSEUDONYM_SECRET, person.fullName, person.birthDate);
    return { activeCarnets: await this.passes.countActiveCarnetsOfPerson(this.dataSource.manager, personKey) };
  }

  /** The structure's hand-outs, newest first, each with what became of its chèques. */
  async listIssuances(actor: OrganisationActor, query: ListCarnetIssuancesQuery): Promise<Page<CarnetIssuanceDto>> {
    const { items, total } = await this.passes.listIssuances(this.dataSource.manager, actor.organisationId, query);
    const summaries = await this.carnets.voucherSummaries(items.map((item) => item.carnetId));
    return {
      items: items.map((item) => {
        const summary = summaries.get(item.carnetId);
        // A carnet is created with its vouchers, so every issued carnet has a summary.
        if (!summary) throw new Error(`Carnet ${item.carnetId} has no vouchers.`);
        const { expiresAt, ...vouchers } = summary;
        return { ...item, expiresAt, vouchers };
      }),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** One call, one transaction: the beneficiary is recorded and the carnet's chèques become issued together. */
  async issue(actor: OrganisationActor, carnetId: string, dto: IssueCarnetDto): Promise<IssuedCarnetDto> {
    const now = new Date();
    assertConsistentBeneficiary(dto, now);
    const personKey = dto.person ? personPseudonym(this.config.PSEUDONYM_SECRET, dto.person.fullName, dto.person.birthDate) : null;
    const prescriberId = actor.organisationId;
    return this.transactions.run(async (manager) => {
      const carnet = await this.lockIssuableCarnet(manager, carnetId, prescriberId, now);
      const activeCarnets = personKey ? await this.passes.countActiveCarnetsOfPerson(manager, personKey) : 0;
      const beneficiary = await this.passes.insertBeneficiary(manager, {
        prescriberId,
        firstName: dto.firstName,
        birthYear: dto.birthYear ?? null,
        communeInseeCode: dto.communeInseeCode,
        departementCode: departementOfCommune(dto.communeInseeCode),
        targetPublic: dto.targetPublic,
        personKey,
        consentGivenAt: now,
      });
      const warnings: IssueWarningDto[] =
        activeCarnets > 0
          ? [
              {
                code: 'PERSON_HOLDS_ACTIVE_CARNET',
                message: `This person already holds ${activeCarnets} active carnet(s). The carnet was issued; check that this is intended.`,
                activeCarnets,
              },
            ]
          : [];
      return this.handOut(manager, actor, carnet, now, {
        beneficiaryId: beneficiary.id,
        reasonCategory: dto.reasonCategory,
        replacesCarnetId: null,
        warnings,
      });
    });
  }

  /** A carnet put in opposition is replaced, for the same beneficiary, by a carnet of the structure's stock (once). */
  async replace(actor: OrganisationActor, cancelledCarnetId: string, dto: ReplaceCarnetDto): Promise<IssuedCarnetDto> {
    const now = new Date();
    const prescriberId = actor.organisationId;
    return this.transactions.run(async (manager) => {
      const cancelled = await this.passes.lockIssuanceForReplacement(manager, cancelledCarnetId, prescriberId);
      if (!cancelled) throw new NotFoundError('Carnet');
      if (cancelled.carnetStatus !== 'cancelled') throw new InvalidTransitionError('carnet', cancelled.carnetStatus, 'replace');
      if (!cancelled.beneficiaryId || !cancelled.reasonCategory) {
        throw new PassError(
          'CARNET_NEVER_ISSUED',
          'This carnet was cancelled before being handed to anyone: there is nobody to give a replacement to.',
        );
      }
      if (cancelled.replacedBy) {
        throw new PassError('CARNET_ALREADY_REPLACED', 'This carnet has already been replaced.', {
          replacedByCarnetId: cancelled.replacedBy,
        });
      }
      const replacement = await this.lockIssuableCarnet(manager, dto.replacementCarnetId, prescriberId, now);
      return this.handOut(manager, actor, replacement, now, {
        beneficiaryId: cancelled.beneficiaryId,
        reasonCategory: cancelled.reasonCategory,
        replacesCarnetId: cancelled.carnetId,
        warnings: [],
      });
    });
  }

  private async lockIssuableCarnet(
    manager: EntityManager,
    carnetId: string,
    prescriberId: string,
    now: Date,
  ): Promise<CarnetForIssue & { expiresAt: Date }> {
    const carnet = await this.passes.lockPrescriberCarnet(manager, carnetId, prescriberId);
    if (!carnet) throw new NotFoundError('Carnet');
    // Chèques are put in circulation only once the funder's payment is recorded and they are generated.
    if (carnet.orderStatus !== 'ready') throw new InvalidTransitionError('order', carnet.orderStatus, 'issue a carnet of');
    if (carnet.status !== 'allocated') throw new InvalidTransitionError('carnet', carnet.status, 'issue');
    const expiresAt = voucherExpiresAt(carnet.programmeValidUntil);
    const closesAt = distributionClosesAt(expiresAt, this.config.DISTRIBUTION_STOP_DAYS);
    if (now.getTime() > closesAt.getTime()) {
      throw new PassError('DISTRIBUTION_CLOSED', `Carnets of this programme could be handed out until ${closesAt.toISOString()}.`, {
        closedAt: closesAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
    }
    // Refuse now rather than hand out a carnet nobody can print.
    this.voucherQr.assertCanSign(carnet.number, expiresAt, now);
    return { ...carnet, expiresAt };
  }

  private async handOut(
    manager: EntityManager,
    actor: OrganisationActor,
    carnet: CarnetForIssue & { expiresAt: Date },
    now: Date,
    handout: Handout,
  ): Promise<IssuedCarnetDto> {
    const prescriberId = actor.organisationId;
    if (!(await this.passes.markCarnetIssued(manager, carnet.id, prescriberId, now))) {
      throw new InvalidTransitionError('carnet', carnet.status, 'issue');
    }
    const vouchers = await this.passes.issueVouchersOfCarnet(manager, carnet.id, now, carnet.expiresAt);
    if (vouchers.length === 0)
      throw new PassError('NO_ISSUABLE_VOUCHERS', 'Every chèque of this carnet is cancelled: hand out another carnet.');
    const issuance = await this.passes.insertIssuance(manager, {
      carnetId: carnet.id,
      beneficiaryId: handout.beneficiaryId,
      prescriberId,
      funderId: carnet.funderId,
      reasonCategory: handout.reasonCategory,
      replacesCarnetId: handout.replacesCarnetId,
      issuedByUserId: actor.userId,
      issuedByApiKeyId: actor.apiKeyId,
      issuedAt: now,
    });
    const totalValueCents = vouchers.reduce((sum, voucher) => sum + voucher.faceValueCents, 0);
    // No personal data in the audit trail (it is append-only and cannot honour erasure): the beneficiary's id only.
    await this.audit.record(manager, {
      action: handout.replacesCarnetId ? 'carnet.issued_as_replacement' : 'carnet.issued',
      objectType: 'carnet',
      objectId: carnet.id,
      objectOrganisationId: prescriberId,
      before: { status: carnet.status },
      after: {
        status: 'issued',
        beneficiaryId: handout.beneficiaryId,
        reasonCategory: handout.reasonCategory,
        replacesCarnetId: handout.replacesCarnetId,
        voucherCount: vouchers.length,
        totalValueCents,
        expiresAt: carnet.expiresAt.toISOString(),
      },
    });
    return {
      carnetId: carnet.id,
      carnetNumber: carnet.number,
      beneficiaryId: handout.beneficiaryId,
      reasonCategory: handout.reasonCategory,
      replacesCarnetId: handout.replacesCarnetId,
      issuedAt: issuance.issuedAt,
      expiresAt: carnet.expiresAt,
      totalValueCents,
      vouchers,
      pdfUrl: `/api/v1/carnets/${carnet.id}/pdf`,
      warnings: handout.warnings,
    };
  }
}

/** What the DTO decorators cannot see: dates relative to today and fields that must agree. */
function assertConsistentBeneficiary(dto: IssueCarnetDto, now: Date): void {
  const problems: FieldProblem[] = [];
  const thisYear = now.getUTCFullYear();
  if (dto.birthYear !== undefined && dto.birthYear > thisYear)
    problems.push({ field: 'birthYear', problems: ['birthYear cannot be in the future'] });
  if (dto.person) {
    const personal = personProblems(dto.person, now, 'person.');
    problems.push(...personal);
    if (
      !personal.some((problem) => problem.field === 'person.birthDate') &&
      dto.birthYear !== undefined &&
      Number(dto.person.birthDate.slice(0, 4)) !== dto.birthYear
    ) {
      problems.push({ field: 'birthYear', problems: ['birthYear does not match person.birthDate'] });
    }
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
}

/** A birth date that exists and is not in the future; a name with letters. */
function personProblems(person: PersonIdentityDto, now: Date, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { birthDate } = person;
  if (!isCalendarDate(birthDate) || birthDate < '1900-01-01' || birthDate > now.toISOString().slice(0, 10)) {
    problems.push({ field: `${prefix}birthDate`, problems: [`${prefix}birthDate must be a real date between 1900-01-01 and today`] });
  }
  if (!/\p{L}/u.test(person.fullName)) problems.push({ field: `${prefix}fullName`, problems: [`${prefix}fullName must contain letters`] });
  return problems;
}
