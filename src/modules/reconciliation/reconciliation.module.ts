import { Module } from '@nestjs/common';
import { ReconciliationRepository } from './reconciliation.repository';
import { JobRunsModule } from '../job-runs/job-runs.module';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationService } from './reconciliation.service';

@Module({
  imports: [JobRunsModule],
  controllers: [ReconciliationController],
  providers: [ReconciliationService, ReconciliationRepository],
  exports: [ReconciliationService, ReconciliationRepository],
})
export class ReconciliationModule {}
