import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PrintRunEntity, type PrintRunFile } from './print-run.entity';

/** Print runs are read by their requesting organisation, listed by ANCT (read only), and run by the job, by id. */
@Injectable()
export class PrintRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(
    manager: EntityManager,
    values: Pick<
      PrintRunEntity,
      'organisationId' | 'requestedByUserId' | 'requestedByApiKeyId' | 'carnetIds' | 'carnetCount' | 'carnetsPerFile'
    >,
  ): Promise<PrintRunEntity> {
    return manager.getRepository(PrintRunEntity).save(manager.getRepository(PrintRunEntity).create(values));
  }

  findOfOrganisation(id: string, organisationId: string): Promise<PrintRunEntity | null> {
    return this.dataSource.manager.findOneBy(PrintRunEntity, { id, organisationId });
  }

  /**
   * Newest first, with the requesting organisation's name; `organisationId` null only for ANCT, who
   * supervises every organisation's runs.
   */
  async listOf(organisationId: string | null, limit: number, offset: number): Promise<{ items: PrintRunEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(PrintRunEntity, {
      where: organisationId === null ? {} : { organisationId },
      relations: { organisation: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
      // The carnet list can hold thousands of ids: a listing does not need it.
      select: {
        id: true,
        organisationId: true,
        organisation: { id: true, name: true },
        status: true,
        carnetCount: true,
        carnetsPerFile: true,
        carnetsDone: true,
        files: true,
        failureReason: true,
        startedAt: true,
        finishedAt: true,
        createdAt: true,
      },
    });
    return { items, total };
  }

  /** Runs not finished yet, oldest first: each must have its job (see PrintRunsProcessor.recoverJobs). */
  async findPendingIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM print_runs WHERE status IN ('queued', 'running') ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  /** For the job only: the run, whoever asked for it. */
  findForJob(id: string): Promise<PrintRunEntity | null> {
    return this.dataSource.manager.findOneBy(PrintRunEntity, { id });
  }

  /** A new attempt starts (or resumes): counts attempts, keeps files already produced. */
  async markRunning(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE print_runs SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), failure_reason = NULL, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running', 'failed')`,
      [id],
    );
  }

  async recordProgress(id: string, carnetsDone: number): Promise<void> {
    await this.dataSource.query(`UPDATE print_runs SET carnets_done = $2, updated_at = now() WHERE id = $1 AND status = 'running'`, [
      id,
      carnetsDone,
    ]);
  }

  /** A finished file replaces any earlier entry of the same index (a retried part). */
  async recordFile(id: string, file: PrintRunFile, carnetsDone: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE print_runs
          SET files = (SELECT jsonb_agg(kept.f ORDER BY (kept.f->>'index')::int)
                         FROM (SELECT f FROM jsonb_array_elements(files) f WHERE (f->>'index')::int <> $3
                               UNION ALL SELECT $2::jsonb) AS kept(f)),
              carnets_done = $4, updated_at = now()
        WHERE id = $1`,
      [id, JSON.stringify(file), file.index, carnetsDone],
    );
  }

  async markCompleted(manager: EntityManager, id: string, carnetsDone: number): Promise<void> {
    await manager.query(
      `UPDATE print_runs SET status = 'completed', carnets_done = $2, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, carnetsDone],
    );
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE print_runs SET status = 'failed', failure_reason = $2, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  }
}
