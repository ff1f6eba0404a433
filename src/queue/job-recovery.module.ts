import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRecoveryTimer } from './job-recovery-timer';

/** Worker only: rebuilds from PostgreSQL the schedules and jobs Redis lost (see JobRecoveryTimer). */
@Module({ imports: [DiscoveryModule], providers: [JobRecoveryTimer] })
export class JobRecoveryModule {}
