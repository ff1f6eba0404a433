import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../../auth/role';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { UserStatus } from './user-status';

@Entity('users')
@Check('ck_users_role', `role IN ('anct_admin', 'funder_manager', 'prescriber_agent', 'venue_agent')`)
@Check('ck_users_status', `status IN ('invited', 'active', 'deactivated')`)
@Check('ck_users_email_lower', `email = lower(email)`)
@Check('ck_users_active_has_password', `status <> 'active' OR password_hash IS NOT NULL OR proconnect_sub IS NOT NULL`)
@Index('uq_users_email', ['email'], { unique: true })
@Index('ix_users_organisation', ['organisationId'])
@Index('uq_users_invitation_token_hash', ['invitationTokenHash'], { unique: true, where: 'invitation_token_hash IS NOT NULL' })
@Index('uq_users_proconnect_identity', ['proconnectIdpId', 'proconnectSub'], { unique: true, where: 'proconnect_sub IS NOT NULL' })
@Check('ck_users_proconnect_identity', `(proconnect_sub IS NULL) = (proconnect_idp_id IS NULL)`)
@Index('uq_users_password_reset_token_hash', ['passwordResetTokenHash'], { unique: true, where: 'password_reset_token_hash IS NOT NULL' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_users_organisation' })
  organisation?: OrganisationEntity;

  /** Stored lower-cased: e-mail addresses are compared without case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'boolean', default: false })
  isOrganisationAdmin: boolean;

  @Column({ type: 'text', default: 'invited' })
  status: UserStatus;

  /** argon2id; null until the invitation is accepted. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'bytea', nullable: true })
  invitationTokenHash: Buffer | null;

  /** When the pending invitation's link was last e-mailed (the first invitation or a re-send); null once accepted. */
  @Column({ type: 'timestamptz', nullable: true })
  invitationSentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  invitationExpiresAt: Date | null;

  /** SHA-256 of the last password reset link sent; cleared when used (single use), replaced by a newer request. */
  @Column({ type: 'bytea', nullable: true })
  passwordResetTokenHash: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordResetExpiresAt: Date | null;

  /** ProConnect identity (`sub` is unique per identity provider `idp_id`), linked at the first ProConnect sign-in. */
  @Column({ type: 'text', nullable: true })
  proconnectSub: string | null;

  @Column({ type: 'text', nullable: true })
  proconnectIdpId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
