import type { Page } from '../../common/http/pagination.query';
import { offsetPage } from '../../database/offset-page';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProgrammeEnrolmentEntity } from './programme-enrolment.entity';
import { ProgrammeEntity, type ProgrammeStatus } from './programme.entity';

export interface ProgrammeFilter {
  status?: ProgrammeStatus;
  year?: number;
  /** Only the programmes this funder is enrolled in. */
  enrolledFunderId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class ProgrammesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  insert(manager: EntityManager, values: Partial<ProgrammeEntity>): Promise<ProgrammeEntity> {
    const repository = manager.getRepository(ProgrammeEntity);
    return repository.save(repository.create(values));
  }

  async update(manager: EntityManager, id: string, values: Partial<ProgrammeEntity>): Promise<ProgrammeEntity> {
    await manager.update(ProgrammeEntity, { id }, values);
    return manager.findOneByOrFail(ProgrammeEntity, { id });
  }

  findById(id: string, manager?: EntityManager): Promise<ProgrammeEntity | null> {
    return this.manager(manager).findOneBy(ProgrammeEntity, { id });
  }

  /** Row-locked: edits of one programme are serialised, so before/after in the audit trail are exact. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<ProgrammeEntity | null> {
    return manager.createQueryBuilder(ProgrammeEntity, 'p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  existsWithNameAndYear(manager: EntityManager, name: string, year: number, exceptId?: string): Promise<boolean> {
    const query = manager.createQueryBuilder(ProgrammeEntity, 'p').where('p.name = :name AND p.year = :year', { name, year });
    if (exceptId) query.andWhere('p.id <> :exceptId', { exceptId });
    return query.getExists();
  }

  async list(filter: ProgrammeFilter): Promise<Page<ProgrammeEntity>> {
    const query = this.dataSource.manager
      .createQueryBuilder(ProgrammeEntity, 'p')
      .orderBy('p.year', 'DESC')
      .addOrderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.year) query.andWhere('p.year = :year', { year: filter.year });
    if (filter.enrolledFunderId) {
      query.andWhere('p.id IN (SELECT e.programme_id FROM programme_enrolments e WHERE e.funder_id = :funderId)', {
        funderId: filter.enrolledFunderId,
      });
    }
    return offsetPage(query, filter);
  }

  findEnrolment(programmeId: string, funderId: string, manager?: EntityManager): Promise<ProgrammeEnrolmentEntity | null> {
    return this.manager(manager).findOneBy(ProgrammeEnrolmentEntity, { programmeId, funderId });
  }

  /**
   * Locks the funder's enrolment: orders of one funder in one programme are priced one at a time,
   * so two simultaneous orders cannot both count the same remaining envelope.
   */
  findEnrolmentForUpdate(manager: EntityManager, programmeId: string, funderId: string): Promise<ProgrammeEnrolmentEntity | null> {
    return manager
      .createQueryBuilder(ProgrammeEnrolmentEntity, 'e')
      .where('e.programme_id = :programmeId AND e.funder_id = :funderId', { programmeId, funderId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Inserts unless the funder is already enrolled; null then. */
  async insertEnrolment(
    manager: EntityManager,
    values: Pick<ProgrammeEnrolmentEntity, 'programmeId' | 'funderId' | 'envelopeCents'>,
  ): Promise<ProgrammeEnrolmentEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ProgrammeEnrolmentEntity)
      .values(values)
      .orIgnore()
      .returning('id')
      .execute();
    const rows = result.raw as Array<{ id: string }>;
    if (rows.length === 0) return null;
    return manager.findOneByOrFail(ProgrammeEnrolmentEntity, { id: rows[0].id });
  }

  async listEnrolments(
    programmeId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: ProgrammeEnrolmentEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(ProgrammeEnrolmentEntity, {
      where: { programmeId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }
}
