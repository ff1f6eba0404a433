import { Injectable } from '@nestjs/common';
import type { OrganisationActor } from '../../auth/actor';
import { AppConfig } from '../../config/app-config';
import type { Page } from '../../common/http/pagination.query';
import type { NumberRun } from './carnets.rules';
import { DormantStockRepository, type DormantStructureRow } from './dormant-stock.repository';
import { DORMANT_RUNS_SHOWN, dormantCutoff } from './dormant-stock.rules';
import type { DormantStockQuery } from './dto/dormant-stock.dto';

export type DormantStructure = DormantStructureRow & { runs: NumberRun[]; runCount: number };

@Injectable()
export class DormantStockService {
  constructor(
    private readonly dormant: DormantStockRepository,
    private readonly config: AppConfig,
  ) {}

  /** The funder's carnets allocated long ago and never handed out, per structure (see dormant-stock.rules.ts). */
  async list(
    actor: OrganisationActor,
    query: DormantStockQuery,
  ): Promise<Page<DormantStructure> & { olderThanDays: number; allocatedBefore: Date }> {
    const funderId = actor.organisationId;
    const olderThanDays = query.olderThanDays ?? this.config.DORMANT_STOCK_DAYS;
    const allocatedBefore = dormantCutoff(new Date(), olderThanDays);
    const { rows, total } = await this.dormant.structures(funderId, allocatedBefore, query);
    const runs = await this.dormant.runs(
      funderId,
      allocatedBefore,
      rows.map((row) => row.prescriberId),
    );
    const items = rows.map((row) => {
      const own = runs.filter((run) => run.prescriberId === row.prescriberId).map(({ from, to, count }) => ({ from, to, count }));
      return { ...row, runs: own.slice(0, DORMANT_RUNS_SHOWN), runCount: own.length };
    });
    return { items, total, limit: query.limit, offset: query.offset, olderThanDays, allocatedBefore };
  }
}
