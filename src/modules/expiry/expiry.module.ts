import { Module } from '@nestjs/common';
import { ExpiryRepository } from './expiry.repository';
import { LedgerModule } from '../ledger/ledger.module';
import { JobRunsModule } from '../job-runs/job-runs.module';
import { ExpiryController } from './expiry.controller';
import { ExpiryService } from './expiry.service';

@Module({
  imports: [JobRunsModule, LedgerModule],
  controllers: [ExpiryController],
  providers: [ExpiryService, ExpiryRepository],
  exports: [ExpiryService, ExpiryRepository],
})
export class ExpiryModule {}
