import { Module } from '@nestjs/common';
import { JobRunsRepository } from './job-runs.repository';
import { JobRunsController } from './job-runs.controller';
import { JobRunsService } from './job-runs.service';

@Module({ controllers: [JobRunsController], providers: [JobRunsService, JobRunsRepository], exports: [JobRunsService, JobRunsRepository] })
export class JobRunsModule {}
