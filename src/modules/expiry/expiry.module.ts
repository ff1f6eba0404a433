import { Module } from '@nestjs/common';
import { JobRunsModule } from '../job-runs/job-runs.module';
import { ExpiryController } from './expiry.controller';
import { ExpiryService } from './expiry.service';

@Module({ imports: [JobRunsModule], controllers: [ExpiryController], providers: [ExpiryService], exports: [ExpiryService] })
export class ExpiryModule {}
