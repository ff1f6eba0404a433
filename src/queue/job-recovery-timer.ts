import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { recoversJobs, type RecoveryOccasion, type RecoversJobs } from './job-recovery';

/**
 * The truth of every job lives in PostgreSQL; Redis only carries it. Losing Redis's data (a flush, a
 * failover or restart without persistence) would otherwise stop scheduled work silently until the next
 * worker start, and leave queued runs queued forever. So each worker rebuilds, at start and then every
 * JOB_RECOVERY_INTERVAL_SECONDS, what its processors say is missing: schedules, and the jobs of runs
 * PostgreSQL says are pending. Deterministic job ids make it idempotent, with any number of workers.
 */
@Injectable()
export class JobRecoveryTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRecoveryTimer.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // At start a failure stops the worker, as a missing schedule would otherwise go unnoticed.
    await this.recover('start', true);
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.recover('periodic', false).finally(() => (this.running = null));
    }, this.config.JOB_RECOVERY_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async recover(occasion: RecoveryOccasion, rethrow: boolean): Promise<void> {
    for (const processor of this.processors()) {
      const name = processor.constructor.name;
      try {
        const recovered = await processor.recoverJobs(occasion);
        if (recovered > 0 && occasion === 'periodic')
          this.logger.warn(`${name}: ${recovered} schedule(s) or job(s) missing from Redis were queued again from PostgreSQL`);
        else if (recovered > 0) this.logger.log(`${name}: ${recovered} schedule(s) or pending job(s) queued at start`);
      } catch (error) {
        if (rethrow) throw error;
        this.logger.warn(
          `${name}: could not check its jobs against PostgreSQL (${(error as Error).message}); next try in ${this.config.JOB_RECOVERY_INTERVAL_SECONDS} s`,
        );
      }
    }
  }

  private processors(): Array<WorkerHost & RecoversJobs> {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost & RecoversJobs => instance instanceof WorkerHost && recoversJobs(instance));
  }
}
