import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  insert(manager: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { email: email.toLowerCase() });
  }

  emailExists(manager: EntityManager, email: string): Promise<boolean> {
    return manager.exists(UserEntity, { where: { email: email.toLowerCase() } });
  }

  /** Runs on every authenticated request: one query (`findOne` with a relation would send two). */
  findActiveWithOrganisation(id: string): Promise<UserEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .innerJoinAndSelect('u.organisation', 'o', 'o.active')
      .where('u.id = :id', { id })
      .andWhere("u.status = 'active'")
      .getOne();
  }

  findPendingInvitation(manager: EntityManager, tokenHash: Buffer): Promise<UserEntity | null> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .setLock('pessimistic_write')
      .where('u.invitation_token_hash = :tokenHash', { tokenHash })
      .andWhere("u.status = 'invited'")
      .andWhere('u.invitation_expires_at > now()')
      .getOne();
  }

  /** Tenant scoping: `organisationId` null only for ANCT, who may manage any organisation's users. */
  findInOrganisation(id: string, organisationId: string | null, manager?: EntityManager): Promise<UserEntity | null> {
    return this.manager(manager).findOneBy(UserEntity, organisationId ? { id, organisationId } : { id });
  }

  listInOrganisation(organisationId: string): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, { where: { organisationId }, order: { email: 'ASC' } });
  }

  save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.save(UserEntity, user);
  }

  async recordLogin(id: string): Promise<void> {
    await this.dataSource.manager.update(UserEntity, { id }, { lastLoginAt: new Date() });
  }
}
