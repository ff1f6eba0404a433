import { OrganisationsModule } from './modules/organisations/organisations.module';
import { SigningModule } from './modules/signing/signing.module';
import { UsersModule } from './modules/users/users.module';
import { VouchersModule } from './modules/vouchers/vouchers.module';
import { VenuesModule } from './modules/venues/venues.module';
import { RedemptionsModule } from './modules/redemptions/redemptions.module';

/** The business domains, shared by the API and the worker. */
export const DOMAIN_MODULES = [OrganisationsModule, UsersModule, VouchersModule, SigningModule, VenuesModule, RedemptionsModule];
