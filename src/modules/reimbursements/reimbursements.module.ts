import { Module } from '@nestjs/common';
import { StatementsRepository } from './statements.repository';
import { BankAccountsRepository } from './bank-accounts.repository';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { LedgerModule } from '../ledger/ledger.module';
import { JobRunsModule } from '../job-runs/job-runs.module';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { ReimbursementsController } from './reimbursements.controller';
import { StatementDocuments } from './statement-documents';
import { StatementsService } from './statements.service';

@Module({
  imports: [JobRunsModule, LedgerModule],
  controllers: [ReimbursementsController, PaymentsController],
  providers: [
    StatementsService,
    StatementDocuments,
    PaymentsService,
    StatementsRepository,
    BankAccountsRepository,
    PaymentBatchesRepository,
  ],
  exports: [StatementsService, StatementsRepository, BankAccountsRepository, PaymentBatchesRepository],
})
export class ReimbursementsModule {}
