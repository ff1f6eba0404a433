import { Global, Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { CarnetsRepository } from '../modules/carnets/carnets.repository';
import { LedgerRepository } from '../modules/ledger/ledger.repository';
import { OrdersRepository } from '../modules/orders/orders.repository';
import { OrganisationsRepository } from '../modules/organisations/organisations.repository';
import { ProgrammesRepository } from '../modules/programmes/programmes.repository';
import { UsersRepository } from '../modules/users/users.repository';
import { PassesRepository } from '../modules/passes/passes.repository';
import { OppositionsRepository } from '../modules/oppositions/oppositions.repository';
import { PrintingRepository } from '../modules/printing/printing.repository';
import { PrintRunsRepository } from '../modules/printing/print-runs.repository';
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
  ProgrammesRepository,
  OrdersRepository,
  CarnetsRepository,
  PassesRepository,
  OppositionsRepository,
  PrintingRepository,
  PrintRunsRepository,
];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
