import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { PreparedStatementPool } from './prepared-statement';
import { TransactionRunner } from './transaction-runner';
import { buildDataSourceOptions } from './typeorm-options';

/**
 * The connection, transactions and the prepared-statement pool, shared by every domain. Repositories are
 * not here: each domain's module provides and exports its own, so a module's imports show which domains
 * it reads.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...buildDataSourceOptions(config), retryAttempts: 0 }),
    }),
  ],
  providers: [TransactionRunner, PreparedStatementPool],
  exports: [TransactionRunner, PreparedStatementPool],
})
export class DatabaseModule {}
