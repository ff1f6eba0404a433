import { CarnetsModule } from './modules/carnets/carnets.module';
import { OrdersModule } from './modules/orders/orders.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { ProgrammesModule } from './modules/programmes/programmes.module';
import { ExpiryModule } from './modules/expiry/expiry.module';
import { JobRunsModule } from './modules/job-runs/job-runs.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { ReconciliationModule } from './modules/reconciliation/reconciliation.module';
import { ReimbursementsModule } from './modules/reimbursements/reimbursements.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SigningModule } from './modules/signing/signing.module';
import { StateShareModule } from './modules/state-share/state-share.module';
import { UsersModule } from './modules/users/users.module';
import { VouchersModule } from './modules/vouchers/vouchers.module';
import { VenuesModule } from './modules/venues/venues.module';
import { RedemptionsModule } from './modules/redemptions/redemptions.module';
import { PassesModule } from './modules/passes/passes.module';
import { OppositionsModule } from './modules/oppositions/oppositions.module';
import { PrintingModule } from './modules/printing/printing.module';
import { CommunesModule } from './modules/communes/communes.module';
import { VenueImportsModule } from './modules/venue-imports/venue-imports.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PersonalDataModule } from './modules/personal-data/personal-data.module';

/** The business domains, shared by the API and the worker. */
export const DOMAIN_MODULES = [
  NotificationsModule,
  OrganisationsModule,
  UsersModule,
  VouchersModule,
  SigningModule,
  ProgrammesModule,
  OrdersModule,
  CarnetsModule,
  PassesModule,
  OppositionsModule,
  PrintingModule,
  JobRunsModule,
  LedgerModule,
  ReimbursementsModule,
  StateShareModule,
  ExpiryModule,
  ReconciliationModule,
  ReportsModule,
  VenuesModule,
  RedemptionsModule,
  CommunesModule,
  VenueImportsModule,
  PersonalDataModule,
];
