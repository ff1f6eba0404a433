import { Foundation1795384380875 } from './1795384380875-Foundation';
import { VoucherStock1795384918937 } from './1795384918937-VoucherStock';
import { LedgerRedemptionsVenueQualification1795385136168 } from './1795385136168-LedgerRedemptionsVenueQualification';
import { IssuingPrintingOppositions1795385636715 } from './1795385636715-IssuingPrintingOppositions';
import { ReimbursementsExpiryReconciliationReports1795385744207 } from './1795385744207-ReimbursementsExpiryReconciliationReports';
import { VenuesRedemptionsIdempotency1795386108486 } from './1795386108486-VenuesRedemptionsIdempotency';
import { UniquePrescriberSiret1795387761939 } from './1795387761939-UniquePrescriberSiret';
import { RedeemVouchersFunctions1795390000000 } from './1795390000000-RedeemVouchersFunctions';
import { IdempotencyRetention1795397485056 } from './1795397485056-IdempotencyRetention';
import { RedeemVouchersInBatches1795480000000 } from './1795480000000-RedeemVouchersInBatches';
import { RedeemVouchersBatchAsOneStatement1795560000000 } from './1795560000000-RedeemVouchersBatchAsOneStatement';
import { SeatSiteForVenuesWithoutSite1796194425825 } from './1796194425825-SeatSiteForVenuesWithoutSite';
import { OneRedemptionWriter1796193726726 } from './1796193726726-OneRedemptionWriter';
import { VenueStandard1796194809942 } from './1796194809942-VenueStandard';
import { OutboxAndNotificationPreferences1796194456252 } from './1796194456252-OutboxAndNotificationPreferences';
import { PasswordResetTokens1796195887141 } from './1796195887141-PasswordResetTokens';
import { BeneficiaryDataErasure1796196928582 } from './1796196928582-BeneficiaryDataErasure';
import { ProConnectIdentity1796197971160 } from './1796197971160-ProConnectIdentity';
import { FundingFunnelOrderedAllocated1796205322204 } from './1796205322204-FundingFunnelOrderedAllocated';
import { InvitationSentAt1796220119015 } from './1796220119015-InvitationSentAt';

/** Every migration, in order. `npm run migration:generate` appends new ones here. */
export const ALL_MIGRATIONS: Function[] = [
  Foundation1795384380875,
  VoucherStock1795384918937,
  LedgerRedemptionsVenueQualification1795385136168,
  IssuingPrintingOppositions1795385636715,
  ReimbursementsExpiryReconciliationReports1795385744207,
  VenuesRedemptionsIdempotency1795386108486,
  UniquePrescriberSiret1795387761939,
  RedeemVouchersFunctions1795390000000,
  IdempotencyRetention1795397485056,
  RedeemVouchersInBatches1795480000000,
  RedeemVouchersBatchAsOneStatement1795560000000,
  OneRedemptionWriter1796193726726,
  SeatSiteForVenuesWithoutSite1796194425825,
  VenueStandard1796194809942,
  OutboxAndNotificationPreferences1796194456252,
  PasswordResetTokens1796195887141,
  BeneficiaryDataErasure1796196928582,
  ProConnectIdentity1796197971160,
  FundingFunnelOrderedAllocated1796205322204,
  InvitationSentAt1796220119015,
];
