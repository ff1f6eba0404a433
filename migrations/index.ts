import { VenuesRedemptionsIdempotency1795386108486 } from './1795386108486-VenuesRedemptionsIdempotency';
import { LedgerRedemptionsVenueQualification1795385136168 } from './1795385136168-LedgerRedemptionsVenueQualification';
import { VoucherStock1795384918937 } from './1795384918937-VoucherStock';
import { Foundation1795384380875 } from './1795384380875-Foundation';
/** Every migration, in order. `npm run migration:generate` appends new ones here. */
export const ALL_MIGRATIONS: Function[] = [Foundation1795384380875, VoucherStock1795384918937, LedgerRedemptionsVenueQualification1795385136168, VenuesRedemptionsIdempotency1795386108486];
