import { AuditEventEntity } from '../audit/audit-event.entity';
import { ApiKeyEntity } from '../auth/api-key.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { PrescriberFunderEntity } from '../modules/organisations/prescriber-funder.entity';
import { CarnetEntity } from '../modules/carnets/carnet.entity';
import { JobRunEntity } from '../modules/job-runs/job-run.entity';
import { ReconciliationAnomalyEntity } from '../modules/reconciliation/reconciliation-anomaly.entity';
import { PaymentBatchEntity } from '../modules/reimbursements/payment-batch.entity';
import { ReimbursementStatementEntity } from '../modules/reimbursements/reimbursement-statement.entity';
import { VenueBankAccountEntity } from '../modules/reimbursements/venue-bank-account.entity';
import { FundingReportFunnelRowEntity } from '../modules/reports/funding-report-funnel-row.entity';
import { FundingReportRowEntity } from '../modules/reports/funding-report-row.entity';
import { FundingReportEntity } from '../modules/reports/funding-report.entity';
import { StateShareComputationEntity } from '../modules/state-share/state-share-computation.entity';
import { LedgerEntryEntity } from '../modules/ledger/ledger-entry.entity';
import { RedemptionEntity } from '../modules/redemptions/redemption.entity';
import { OrderEntity } from '../modules/orders/order.entity';
import { ProgrammeEnrolmentEntity } from '../modules/programmes/programme-enrolment.entity';
import { ProgrammeEntity } from '../modules/programmes/programme.entity';
import { UserEntity } from '../modules/users/user.entity';
import { OfflineBatchEntity } from '../modules/redemptions/offline-batch.entity';
import { VenueQualificationEventEntity } from '../modules/venues/venue-qualification-event.entity';
import { VenueServiceEntity } from '../modules/venues/venue-service.entity';
import { VenueSiteEntity } from '../modules/venues/venue-site.entity';
import { IdempotencyRecordEntity } from '../common/idempotency/idempotency-record.entity';
import { VoucherEntity } from '../modules/vouchers/voucher.entity';
import { BeneficiaryEntity } from '../modules/passes/beneficiary.entity';
import { CarnetIssuanceEntity } from '../modules/passes/carnet-issuance.entity';
import { VoucherRevocationEntity } from '../modules/oppositions/voucher-revocation.entity';
import { PrintRunEntity } from '../modules/printing/print-run.entity';
import { VenueImportRunEntity } from '../modules/venue-imports/venue-import-run.entity';
import { OutboxMessageEntity } from '../modules/notifications/outbox-message.entity';
import { NotificationOptOutEntity } from '../modules/notifications/notification-opt-out.entity';

/** Every entity of the schema; the drift check compares exactly this list with the migrations. */
export const ALL_ENTITIES = [
  OrganisationEntity,
  PrescriberFunderEntity,
  UserEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
  AuditEventEntity,
  ProgrammeEntity,
  ProgrammeEnrolmentEntity,
  OrderEntity,
  CarnetEntity,
  VoucherEntity,
  LedgerEntryEntity,
  RedemptionEntity,
  BeneficiaryEntity,
  CarnetIssuanceEntity,
  VoucherRevocationEntity,
  PrintRunEntity,
  JobRunEntity,
  ReimbursementStatementEntity,
  PaymentBatchEntity,
  VenueBankAccountEntity,
  StateShareComputationEntity,
  ReconciliationAnomalyEntity,
  FundingReportEntity,
  FundingReportRowEntity,
  FundingReportFunnelRowEntity,
  VenueQualificationEventEntity,
  VenueSiteEntity,
  VenueServiceEntity,
  OfflineBatchEntity,
  IdempotencyRecordEntity,
  VenueImportRunEntity,
  OutboxMessageEntity,
  NotificationOptOutEntity,
];
