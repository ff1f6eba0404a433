import { Global, Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { ApiKeysRepository } from '../auth/api-keys.repository';
import { CarnetsRepository } from '../modules/carnets/carnets.repository';
import { LedgerRepository } from '../modules/ledger/ledger.repository';
import { OrdersRepository } from '../modules/orders/orders.repository';
import { ExpiryRepository } from '../modules/expiry/expiry.repository';
import { JobRunsRepository } from '../modules/job-runs/job-runs.repository';
import { ReconciliationRepository } from '../modules/reconciliation/reconciliation.repository';
import { FundingReportsRepository } from '../modules/reports/funding-reports.repository';
import { BankAccountsRepository } from '../modules/reimbursements/bank-accounts.repository';
import { PaymentBatchesRepository } from '../modules/reimbursements/payment-batches.repository';
import { StatementsRepository } from '../modules/reimbursements/statements.repository';
import { StateShareRepository } from '../modules/state-share/state-share.repository';
import { OrganisationsRepository } from '../modules/organisations/organisations.repository';
import { ProgrammesRepository } from '../modules/programmes/programmes.repository';
import { UsersRepository } from '../modules/users/users.repository';
import { PassesRepository } from '../modules/passes/passes.repository';
import { OppositionsRepository } from '../modules/oppositions/oppositions.repository';
import { PrintingRepository } from '../modules/printing/printing.repository';
import { PrintRunsRepository } from '../modules/printing/print-runs.repository';
import { RedemptionsRepository } from '../modules/redemptions/redemptions.repository';
import { VenuesRepository } from '../modules/venues/venues.repository';
import { VenueImportsRepository } from '../modules/venue-imports/venue-imports.repository';
import { PreparedStatementPool } from './prepared-statement';
import { TransactionRunner } from './transaction-runner';

/**
 * Repositories live beside their domain but are provided here, once, for the whole application:
 * domains may read each other's data through intent-named methods without module import cycles.
 */
const REPOSITORIES = [
  TransactionRunner,
  PreparedStatementPool,
  AuditRepository,
  OrganisationsRepository,
  UsersRepository,
  ApiKeysRepository,
  LedgerRepository,
  ProgrammesRepository,
  OrdersRepository,
  CarnetsRepository,
  PassesRepository,
  OppositionsRepository,
  PrintingRepository,
  PrintRunsRepository,
  JobRunsRepository,
  StatementsRepository,
  BankAccountsRepository,
  PaymentBatchesRepository,
  StateShareRepository,
  ExpiryRepository,
  ReconciliationRepository,
  FundingReportsRepository,
  VenuesRepository,
  RedemptionsRepository,
  VenueImportsRepository,
];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
