import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Refresh tokens, stored by their hash only; every method runs in the caller's transaction. */
@Injectable()
export class RefreshTokensRepository {
  insert(manager: EntityManager, token: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<unknown> {
    return manager.insert(RefreshTokenEntity, token);
  }

  /** Locked, so that two simultaneous refreshes with one token cannot both rotate it. */
  findByHashForUpdate(manager: EntityManager, tokenHash: Buffer): Promise<RefreshTokenEntity | null> {
    return manager
      .createQueryBuilder(RefreshTokenEntity, 't')
      .setLock('pessimistic_write')
      .where('t.token_hash = :hash', { hash: tokenHash })
      .getOne();
  }

  findByHash(manager: EntityManager, tokenHash: Buffer): Promise<RefreshTokenEntity | null> {
    return manager.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  async markRotated(manager: EntityManager, id: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { id }, { rotatedAt: new Date() });
  }

  /** Every token of one login (its family) still valid is revoked. */
  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOfUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
