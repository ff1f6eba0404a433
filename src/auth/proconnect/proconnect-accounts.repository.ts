import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LinkCandidate } from './proconnect.rules';

/**
 * The accounts a ProConnect identity may sign in to, read and changed in the caller's transaction. Rows are
 * locked: two simultaneous callbacks for one person cannot both link it.
 */
@Injectable()
export class ProConnectAccountsRepository {
  /** The account already linked to this identity (subject at this identity provider). */
  findLinked(manager: EntityManager, sub: string, idpId: string): Promise<LinkCandidate | null> {
    return this.findCandidate(manager, `u.proconnect_sub = $1 AND u.proconnect_idp_id = $2`, [sub, idpId]);
  }

  findByEmail(manager: EntityManager, email: string): Promise<LinkCandidate | null> {
    return this.findCandidate(manager, `u.email = $1`, [email]);
  }

  /** Links the identity; an invited person needs no password afterwards, so the invitation is used up. */
  async link(manager: EntityManager, userId: string, sub: string, idpId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET proconnect_sub = $2, proconnect_idp_id = $3, status = CASE WHEN status = 'invited' THEN 'active' ELSE status END,
              invitation_token_hash = NULL, invitation_sent_at = NULL, invitation_expires_at = NULL,
              updated_at = now()
        WHERE id = $1`,
      [userId, sub, idpId],
    );
  }

  async recordLogin(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [userId]);
  }

  private async findCandidate(manager: EntityManager, where: string, parameters: unknown[]): Promise<LinkCandidate | null> {
    const [row] = await manager.query(
      `SELECT u.id, u.email, u.status, o.siret, u.proconnect_sub, u.proconnect_idp_id
         FROM users u JOIN organisations o ON o.id = u.organisation_id AND o.active
        WHERE ${where} FOR UPDATE OF u`,
      parameters,
    );
    return row
      ? {
          userId: row.id,
          email: row.email,
          status: row.status,
          organisationSiret: row.siret?.trim() ?? null,
          proconnectSub: row.proconnect_sub,
          proconnectIdpId: row.proconnect_idp_id,
        }
      : null;
  }
}
