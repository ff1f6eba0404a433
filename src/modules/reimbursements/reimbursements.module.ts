import { Module } from '@nestjs/common';
import { JobRunsModule } from '../job-runs/job-runs.module';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { ReimbursementsController } from './reimbursements.controller';
import { StatementDocuments } from './statement-documents';
import { StatementsService } from './statements.service';

@Module({
  imports: [JobRunsModule],
  controllers: [ReimbursementsController, PaymentsController],
  providers: [StatementsService, StatementDocuments, PaymentsService],
  exports: [StatementsService],
})
export class ReimbursementsModule {}
