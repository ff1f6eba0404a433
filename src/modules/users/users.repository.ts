import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../../auth/role';
import type { OrganisationKind } from '../organisations/organisation-kind';
import { UserEntity } from './user.entity';

export interface ActiveUserRow {
  id: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
  isOrganisationAdmin: boolean;
  email: string;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { email: email.toLowerCase() });
  }

  /**
   * The account holding this address, locked until the caller's transaction ends: two invitations of one
   * address at once are decided one after the other (the second sees what the first did).
   */
  findByEmailForUpdate(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .setLock('pessimistic_write')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  /**
   * A user, locked until the caller's transaction ends (a re-send, a cancellation and a deactivation of one person
   * wait for each other).
   */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.createQueryBuilder(UserEntity, 'u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  /** Only an invitation never accepted goes: a person who ever had an account keeps their row (and its audit trail). */
  async deleteInvited(manager: EntityManager, id: string): Promise<boolean> {
    // In a CTE: TypeORM answers a bare DELETE with [rows, count], a SELECT with its rows.
    const rows: unknown[] = await manager.query(
      `WITH deleted AS (DELETE FROM users WHERE id = $1 AND status = 'invited' RETURNING id) SELECT id FROM deleted`,
      [id],
    );
    return rows.length === 1;
  }

  /**
   * What authentication needs of an active user of an active organisation, in one round trip of
   * plain SQL: it runs on every request that misses the actor cache.
   */
  async findActiveForAuthentication(id: string): Promise<ActiveUserRow | null> {
    const rows: ActiveUserRow[] = await this.dataSource.query(
      `SELECT u.id, u.organisation_id AS "organisationId", o.kind AS "organisationKind", u.role,
              u.is_organisation_admin AS "isOrganisationAdmin", u.email
         FROM users u
         JOIN organisations o ON o.id = u.organisation_id AND o.active
        WHERE u.id = $1 AND u.status = 'active'`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Whether the login (refresh token family) still has a token not revoked: ended by logout or replay otherwise. */
  async isLoginAlive(familyId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL LIMIT 1`,
      [familyId],
    );
    return rows.length > 0;
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

  /** Replaces the reset token of the active user with this address (of an active organisation); null when there is none. */
  async storePasswordResetToken(manager: EntityManager, email: string, tokenHash: Buffer, expiresAt: Date): Promise<UserEntity | null> {
    const [row] = await manager.query(
      `WITH updated AS (
         UPDATE users u SET password_reset_token_hash = $2, password_reset_expires_at = $3
           FROM organisations o
          WHERE o.id = u.organisation_id AND o.active AND u.email = $1 AND u.status = 'active'
          RETURNING u.id, u.email, u.display_name, u.organisation_id
       ) SELECT * FROM updated`,
      [email.toLowerCase(), tokenHash, expiresAt],
    );
    return row
      ? manager.create(UserEntity, { id: row.id, email: row.email, displayName: row.display_name, organisationId: row.organisation_id })
      : null;
  }

  /** Single use, enforced by the conditional update: the token is cleared as the password is set. */
  async consumePasswordResetToken(manager: EntityManager, tokenHash: Buffer, passwordHash: string): Promise<UserEntity | null> {
    const [row] = await manager.query(
      `WITH updated AS (
         UPDATE users SET password_hash = $2, password_reset_token_hash = NULL, password_reset_expires_at = NULL, updated_at = now()
          WHERE password_reset_token_hash = $1 AND password_reset_expires_at > now() AND status = 'active'
          RETURNING id, email, organisation_id
       ) SELECT * FROM updated`,
      [tokenHash, passwordHash],
    );
    return row ? manager.create(UserEntity, { id: row.id, email: row.email, organisationId: row.organisation_id }) : null;
  }

  async listInOrganisation(
    organisationId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: UserEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(UserEntity, {
      where: { organisationId },
      order: { email: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.save(UserEntity, user);
  }

  async recordLogin(id: string): Promise<void> {
    await this.dataSource.manager.update(UserEntity, { id }, { lastLoginAt: new Date() });
  }
}
