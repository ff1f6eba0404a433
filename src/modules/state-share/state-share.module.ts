import { Module } from '@nestjs/common';
import { JobRunsModule } from '../job-runs/job-runs.module';
import { StateShareController } from './state-share.controller';
import { StateShareService } from './state-share.service';

@Module({ imports: [JobRunsModule], controllers: [StateShareController], providers: [StateShareService], exports: [StateShareService] })
export class StateShareModule {}
