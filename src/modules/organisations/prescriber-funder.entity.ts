import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** Which funders a prescriber structure works with (a CCAS may distribute the carnets of a département and of a métropole). */
@Entity('prescriber_funders')
@Index('ix_prescriber_funders_funder', ['funderId'])
export class PrescriberFunderEntity {
  @PrimaryColumn('uuid')
  prescriberId: string;

  @PrimaryColumn('uuid')
  funderId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prescriber_id', foreignKeyConstraintName: 'fk_prescriber_funders_prescriber' })
  prescriber?: OrganisationEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funder_id', foreignKeyConstraintName: 'fk_prescriber_funders_funder' })
  funder?: OrganisationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
