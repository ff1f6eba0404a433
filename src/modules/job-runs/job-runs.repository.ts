import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { JobRunKind, JobRunTrigger } from './job-run-kind';
import { JobRunEntity } from './job-run.entity';

@Injectable()
export class JobRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertQueued(values: {
    kind: JobRunKind;
    trigger: JobRunTrigger;
    jobKey: string;
    parameters: Record<string, unknown>;
    requestedByUserId: string | null;
  }): Promise<JobRunEntity> {
    const repository = this.dataSource.getRepository(JobRunEntity);
    return repository.save(repository.create({ ...values, status: 'queued' }));
  }

  /** The run of a scheduled job, created on its first delivery and found again on redelivery. */
  async upsertScheduled(kind: JobRunKind, jobKey: string, parameters: Record<string, unknown>): Promise<JobRunEntity> {
    const [row] = await this.dataSource.query(
      `INSERT INTO job_runs (kind, trigger, job_key, parameters) VALUES ($1, 'schedule', $2, $3)
       ON CONFLICT (job_key) DO UPDATE SET job_key = EXCLUDED.job_key
       RETURNING id`,
      [kind, jobKey, parameters],
    );
    const run = await this.findById(row.id);
    if (!run) throw new Error(`Job run ${row.id} vanished right after its upsert.`);
    return run;
  }

  /** Runs not finished yet: their job must exist in Redis (see JobRunsService.requeuePending). */
  findPending(kind: JobRunKind): Promise<JobRunEntity[]> {
    return this.dataSource.manager.find(JobRunEntity, { where: { kind, status: In(['queued', 'running']) }, order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<JobRunEntity | null> {
    return this.dataSource.manager.findOneBy(JobRunEntity, { id });
  }

  /** Null when the run already completed: a redelivered job then has nothing left to do. */
  async markRunning(id: string): Promise<JobRunEntity | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(JobRunEntity)
      .set({ status: 'running', startedAt: () => 'coalesce(started_at, now())', attempts: () => 'attempts + 1', error: null })
      .where('id = :id AND status <> :completed', { id, completed: 'completed' })
      .returning('*')
      .execute();
    return result.affected ? this.findById(id) : null;
  }

  async markCompleted(id: string, summary: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(`UPDATE job_runs SET status = 'completed', summary = $2, finished_at = now() WHERE id = $1`, [id, summary]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.manager.update(JobRunEntity, { id }, { status: 'failed', error, finishedAt: () => 'now()' });
  }

  async list(filter: { kind?: JobRunKind; limit: number; offset: number }): Promise<{ items: JobRunEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(JobRunEntity, {
      where: filter.kind ? { kind: filter.kind } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }
}
