import { Global, Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { LedgerRepository } from '../modules/ledger/ledger.repository';
import { OrganisationsRepository } from '../modules/organisations/organisations.repository';
import { UsersRepository } from '../modules/users/users.repository';
import { RedemptionsRepository } from '../modules/redemptions/redemptions.repository';
import { VenuesRepository } from '../modules/venues/venues.repository';
import { TransactionRunner } from './transaction-runner';

/**
 * Repositories live beside their domain but are provided here, once, for the whole application:
 * domains may read each other's data through intent-named methods without module import cycles.
 */
const REPOSITORIES = [
  TransactionRunner,
  AuditRepository,
  OrganisationsRepository,
  UsersRepository,
  LedgerRepository,
  VenuesRepository,
  RedemptionsRepository,
];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
