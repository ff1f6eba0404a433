import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import type { NotificationKind } from './notification-kind';
import type { MailContent } from './notification-messages';
import type { OutboxMessageEntity } from './outbox-message.entity';

export interface Recipient {
  userId: string | null;
  email: string;
}

export interface DispatchedMessage {
  id: string;
  dispatchCount: number;
}

/** Columns of `outbox_messages` a delivery reads. */
export type PendingMessage = Pick<OutboxMessageEntity, 'id' | 'recipientEmail' | 'subject' | 'textBody' | 'htmlBody' | 'attempts'>;

@Injectable()
export class OutboxRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Active users of active organisations among `organisationIds` (or of every ANCT organisation) who did not
   * turn `kind` off, read in the caller's transaction.
   */
  async recipientsInOrganisations(manager: EntityManager, organisations: string[] | 'anct', kind: NotificationKind): Promise<Recipient[]> {
    const rows: { id: string; email: string }[] = await manager.query(
      `SELECT u.id, u.email FROM users u JOIN organisations o ON o.id = u.organisation_id AND o.active
        WHERE u.status = 'active' AND ($1::uuid[] IS NULL OR o.id = ANY($1)) AND ($1::uuid[] IS NOT NULL OR o.kind = 'anct')
          AND NOT EXISTS (SELECT 1 FROM notification_opt_outs n WHERE n.user_id = u.id AND n.kind = $2)
        ORDER BY u.email`,
      [organisations === 'anct' ? null : organisations, kind],
    );
    return rows.map((row) => ({ userId: row.id, email: row.email }));
  }

  /** One row per recipient; an event already written for a recipient is skipped (the unique key). Returns how many rows were new. */
  async insertMessages(
    manager: EntityManager,
    eventKey: string,
    kind: NotificationKind,
    recipients: Recipient[],
    content: MailContent,
  ): Promise<number> {
    if (recipients.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO outbox_messages (event_key, kind, recipient_email, recipient_user_id, subject, text_body, html_body)
       SELECT $1, $2, r.email, r.user_id, $5, $6, $7 FROM unnest($3::text[], $4::uuid[]) AS r(email, user_id)
       ON CONFLICT (event_key, recipient_email) DO NOTHING
       RETURNING id`,
      [eventKey, kind, recipients.map((r) => r.email), recipients.map((r) => r.userId), content.subject, content.text, content.html],
    );
    return rows.length;
  }

  /**
   * Deletes the messages of `kind` to this user not sent yet: what they say no longer holds (an invitation link
   * replaced or cancelled). A message being delivered holds its row lock: the delete waits, then skips it if sent.
   */
  async withdrawPending(manager: EntityManager, recipientUserId: string, kind: NotificationKind): Promise<number> {
    // In a CTE: TypeORM answers a bare DELETE with [rows, count], a SELECT with its rows.
    const rows: unknown[] = await manager.query(
      `WITH withdrawn AS (DELETE FROM outbox_messages WHERE recipient_user_id = $1 AND kind = $2 AND status = 'pending' RETURNING id)
       SELECT id FROM withdrawn`,
      [recipientUserId, kind],
    );
    return rows.length;
  }

  /** The messages sent to a user whose row is about to be deleted keep their address, not the link to the row. */
  async detachRecipientUser(manager: EntityManager, recipientUserId: string): Promise<void> {
    await manager.query(`UPDATE outbox_messages SET recipient_user_id = NULL WHERE recipient_user_id = $1`, [recipientUserId]);
  }

  /**
   * Claims pending messages never handed to the queue, or handed over more than `redispatchMinutes` ago and
   * still unsent, and counts the hand-over (its number names the queue job). Rows locked by a delivery are skipped.
   */
  async claimForDispatch(manager: EntityManager, redispatchMinutes: number, limit: number): Promise<DispatchedMessage[]> {
    const rows: { id: string; dispatch_count: number }[] = await manager.query(
      `WITH claimed AS (
         UPDATE outbox_messages m SET dispatch_count = m.dispatch_count + 1, dispatched_at = now()
          WHERE m.id IN (
            SELECT id FROM outbox_messages
             WHERE status = 'pending' AND (dispatched_at IS NULL OR dispatched_at < now() - make_interval(mins => $1))
             ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING m.id, m.dispatch_count
       ) SELECT * FROM claimed`,
      [redispatchMinutes, limit],
    );
    return rows.map((row) => ({ id: row.id, dispatchCount: row.dispatch_count }));
  }

  /**
   * The message if still pending, locked until the caller's transaction ends. It waits for a lock held by the
   * dispatch that queued it (its job may start before that transaction commits) or by another delivery of
   * the same message, which then finds it sent.
   */
  async lockPending(manager: EntityManager, id: string): Promise<PendingMessage | null> {
    const [row] = await manager.query(
      `SELECT id, recipient_email, subject, text_body, html_body, attempts FROM outbox_messages
        WHERE id = $1 AND status = 'pending' FOR UPDATE`,
      [id],
    );
    return row
      ? {
          id: row.id,
          recipientEmail: row.recipient_email,
          subject: row.subject,
          textBody: row.text_body,
          htmlBody: row.html_body,
          attempts: row.attempts,
        }
      : null;
  }

  async markSent(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE outbox_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  async recordFailure(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'pending'`,
      [id, error.slice(0, 1000)],
    );
  }

  /** Deletes up to `limit` messages sent more than `days` days ago; returns how many. Pending ones are kept whatever their age. */
  async purgeSent(days: number, limit: number): Promise<number> {
    // Counted by a SELECT: TypeORM answers a bare DELETE … RETURNING with [rows, rowCount], not the rows.
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `WITH purged AS (
         DELETE FROM outbox_messages WHERE id IN (
           SELECT id FROM outbox_messages WHERE status = 'sent' AND sent_at < now() - make_interval(days => $1) LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id)
       SELECT count(*)::int AS count FROM purged`,
      [days, limit],
    );
    return count;
  }

  async optedOutKinds(userId: string): Promise<NotificationKind[]> {
    const rows: { kind: NotificationKind }[] = await this.dataSource.query(`SELECT kind FROM notification_opt_outs WHERE user_id = $1`, [
      userId,
    ]);
    return rows.map((row) => row.kind);
  }

  async setOptOuts(userId: string, changes: { kind: NotificationKind; enabled: boolean }[]): Promise<void> {
    await this.transactions.run(async (manager) => {
      const off = changes.filter((change) => !change.enabled).map((change) => change.kind);
      const on = changes.filter((change) => change.enabled).map((change) => change.kind);
      if (off.length > 0) {
        await manager.query(`INSERT INTO notification_opt_outs (user_id, kind) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
          userId,
          off,
        ]);
      }
      if (on.length > 0) await manager.query(`DELETE FROM notification_opt_outs WHERE user_id = $1 AND kind = ANY($2)`, [userId, on]);
    });
  }
}
