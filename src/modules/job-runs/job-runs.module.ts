import { Module } from '@nestjs/common';
import { JobRunsController } from './job-runs.controller';
import { JobRunsService } from './job-runs.service';

@Module({ controllers: [JobRunsController], providers: [JobRunsService], exports: [JobRunsService] })
export class JobRunsModule {}
