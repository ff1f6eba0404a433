import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only trail of every state change (public money: who did what, when, from which state to which).
 * The migration forbids UPDATE and DELETE on this table with a trigger.
 */
@Entity('audit_events')
@Check('ck_audit_events_actor_kind', `actor_kind IN ('user', 'api_key', 'system')`)
@Index('ix_audit_events_object', ['objectType', 'objectId'])
@Index('ix_audit_events_organisation_time', ['actorOrganisationId', 'occurredAt'])
@Index('ix_audit_events_time', ['occurredAt'])
@Index('ix_audit_events_action', ['action'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  actorKind: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorApiKeyId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @Column({ type: 'text' })
  actorLabel: string;

  /** `<object>.<verb>` in the past tense, e.g. `organisation.created`, `order.approved`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  objectType: string;

  @Column({ type: 'text' })
  objectId: string;

  /** Organisation that owns the object changed (lets a funder read the history of its own objects). */
  @Column({ type: 'uuid', nullable: true })
  objectOrganisationId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
