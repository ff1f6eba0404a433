import { AuditEventEntity } from '../audit/audit-event.entity';
import { ApiKeyEntity } from '../auth/api-key.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { PrescriberFunderEntity } from '../modules/organisations/prescriber-funder.entity';
import { CarnetEntity } from '../modules/carnets/carnet.entity';
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
  VenueSiteEntity,
  VenueServiceEntity,
  VenueQualificationEventEntity,
  OfflineBatchEntity,
  IdempotencyRecordEntity,
];
