import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import type { BeneficiaryPersonalDataDto } from './dto/beneficiary-personal-data.dto';
import { PersonalDataRepository } from './personal-data.repository';
import { retentionCutoff } from './personal-data.rules';

export const ERASE_RETAINED_JOB = 'erase-retained-personal-data';
const ERASURE_BATCH = 1000;

/**
 * Beneficiaries' personal data under the GDPR: erased when the retention period after their last carnet is
 * over, or on request of the structure that recorded them (or ANCT); exported on request. Erasure keeps the
 * row, its commune and target-public flag, its carnets, chèques, amounts and audit trail, and an anonymous
 * person id, so that every count and report stays the same. Every erasure and export is audited (without
 * the data itself: the audit trail is append-only and could not honour an erasure).
 */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger(PersonalDataService.name);

  constructor(
    private readonly personalData: PersonalDataRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async eraseRetained(now = new Date()): Promise<{ erased: number }> {
    const cutoff = retentionCutoff(now, this.config.BENEFICIARY_DATA_RETENTION_DAYS);
    let erased = 0;
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const rows = await this.personalData.eraseRetained(manager, cutoff, ERASURE_BATCH);
        await this.audit.record(
          manager,
          ...rows.map((row) => ({
            action: 'beneficiary.personal_data_erased',
            objectType: 'beneficiary',
            objectId: row.id,
            objectOrganisationId: row.prescriberId,
            after: { reason: 'retention', retentionDays: this.config.BENEFICIARY_DATA_RETENTION_DAYS },
          })),
        );
        return rows.length;
      });
      erased += batch;
      if (batch < ERASURE_BATCH) break;
    }
    if (erased > 0)
      this.logger.log(
        `Erased the personal data of ${erased} beneficiaries (retention ${this.config.BENEFICIARY_DATA_RETENTION_DAYS} days)`,
      );
    return { erased };
  }

  async eraseOnRequest(actor: Actor, beneficiaryId: string): Promise<BeneficiaryPersonalDataDto> {
    return this.transactions.run(async (manager) => {
      const before = await this.personalData.findVisible(manager, beneficiaryId, this.scopeOf(actor), true);
      if (!before) throw new NotFoundError('Beneficiary');
      if (!before.erasedAt) {
        await this.personalData.eraseOne(manager, beneficiaryId, 'request');
        await this.audit.record(manager, {
          action: 'beneficiary.personal_data_erased',
          objectType: 'beneficiary',
          objectId: beneficiaryId,
          objectOrganisationId: before.prescriberId,
          before: { erased: false },
          after: { reason: 'request' },
        });
      }
      return this.exportWithin(manager, beneficiaryId, this.scopeOf(actor));
    });
  }

  async export(actor: Actor, beneficiaryId: string): Promise<BeneficiaryPersonalDataDto> {
    return this.transactions.run(async (manager) => {
      const exported = await this.exportWithin(manager, beneficiaryId, this.scopeOf(actor));
      await this.audit.record(manager, {
        action: 'beneficiary.personal_data_exported',
        objectType: 'beneficiary',
        objectId: beneficiaryId,
        after: { carnets: exported.carnets.length, erased: exported.erasedAt !== null },
      });
      return exported;
    });
  }

  private async exportWithin(
    manager: Parameters<PersonalDataRepository['carnetsOf']>[0],
    beneficiaryId: string,
    scope: string | null,
  ): Promise<BeneficiaryPersonalDataDto> {
    const beneficiary = await this.personalData.findVisible(manager, beneficiaryId, scope);
    if (!beneficiary) throw new NotFoundError('Beneficiary');
    return {
      beneficiaryId: beneficiary.id,
      recordedBy: beneficiary.prescriberName,
      firstName: beneficiary.firstName,
      birthYear: beneficiary.birthYear,
      communeInseeCode: beneficiary.communeInseeCode,
      departementCode: beneficiary.departementCode,
      targetPublic: beneficiary.targetPublic,
      pseudonym: beneficiary.pseudonym,
      consentGivenAt: beneficiary.consentGivenAt,
      recordedAt: beneficiary.createdAt,
      erasedAt: beneficiary.erasedAt,
      erasureReason: beneficiary.erasureReason,
      retentionDays: this.config.BENEFICIARY_DATA_RETENTION_DAYS,
      carnets: await this.personalData.carnetsOf(manager, beneficiary.id),
      exportedAt: new Date(),
    };
  }

  /** Prescriber structures see the people they recorded; ANCT sees everyone. */
  private scopeOf(actor: Actor): string | null {
    return actor.organisationKind === 'anct' ? null : actor.organisationId;
  }
}
