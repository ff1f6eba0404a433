import { Module } from '@nestjs/common';
import { StateShareRepository } from './state-share.repository';
import { LedgerModule } from '../ledger/ledger.module';
import { JobRunsModule } from '../job-runs/job-runs.module';
import { StateShareController } from './state-share.controller';
import { StateShareService } from './state-share.service';

@Module({
  imports: [JobRunsModule, LedgerModule],
  controllers: [StateShareController],
  providers: [StateShareService, StateShareRepository],
  exports: [StateShareService, StateShareRepository],
})
export class StateShareModule {}
