import { offsetPage } from '../../database/offset-page';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { OrganisationEntity } from './organisation.entity';
import type { OrganisationKind } from './organisation-kind';
import { PrescriberFunderEntity } from './prescriber-funder.entity';

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  insert(manager: EntityManager, organisation: Partial<OrganisationEntity>): Promise<OrganisationEntity> {
    return manager.getRepository(OrganisationEntity).save(manager.getRepository(OrganisationEntity).create(organisation));
  }

  findById(id: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.manager(manager).findOneBy(OrganisationEntity, { id });
  }

  findByKindAndSiret(kind: OrganisationKind, siret: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.manager(manager).findOneBy(OrganisationEntity, { kind, siret });
  }

  findAnct(manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.manager(manager).findOneBy(OrganisationEntity, { kind: 'anct' });
  }

  findFunderBySiren(siren: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.manager(manager).findOneBy(OrganisationEntity, { kind: 'funder', siren });
  }

  async linkPrescriberToFunder(manager: EntityManager, prescriberId: string, funderId: string): Promise<void> {
    await manager.createQueryBuilder().insert().into(PrescriberFunderEntity).values({ prescriberId, funderId }).orIgnore().execute();
  }

  async isPrescriberOfFunder(prescriberId: string, funderId: string, manager?: EntityManager): Promise<boolean> {
    return this.manager(manager).exists(PrescriberFunderEntity, { where: { prescriberId, funderId } });
  }

  async funderIdsOfPrescriber(prescriberId: string, manager?: EntityManager): Promise<string[]> {
    const links = await this.manager(manager).findBy(PrescriberFunderEntity, { prescriberId });
    return links.map((link) => link.funderId);
  }

  /**
   * The organisations an actor may see: ANCT sees all; a funder itself and its prescribers;
   * a prescriber itself and its funders; a venue only itself.
   */
  async listVisibleTo(actor: Actor, filter: { kind?: OrganisationKind; limit: number; offset: number }) {
    const query = this.dataSource.manager.createQueryBuilder(OrganisationEntity, 'o').orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    this.scopeToActor(query, actor);
    return offsetPage(query, filter);
  }

  async findVisibleTo(actor: Actor, id: string): Promise<OrganisationEntity | null> {
    const query = this.dataSource.manager.createQueryBuilder(OrganisationEntity, 'o').where('o.id = :id', { id });
    this.scopeToActor(query, actor);
    return query.getOne();
  }

  private scopeToActor(query: ReturnType<EntityManager['createQueryBuilder']>, actor: Actor): void {
    const me = { me: actor.organisationId };
    switch (actor.organisationKind) {
      case 'anct':
        return;
      case 'funder':
        query.andWhere('(o.id = :me OR o.id IN (SELECT pf.prescriber_id FROM prescriber_funders pf WHERE pf.funder_id = :me))', me);
        return;
      case 'prescriber':
        query.andWhere('(o.id = :me OR o.id IN (SELECT pf.funder_id FROM prescriber_funders pf WHERE pf.prescriber_id = :me))', me);
        return;
      case 'venue':
      case null:
        query.andWhere('o.id = :me', me);
        return;
    }
  }
}
