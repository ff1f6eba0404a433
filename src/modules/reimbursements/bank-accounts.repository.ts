import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { VenueBankAccountEntity } from './venue-bank-account.entity';

@Injectable()
export class BankAccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByVenue(venueId: string, manager?: EntityManager): Promise<VenueBankAccountEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(VenueBankAccountEntity, { venueId });
  }

  /** Locks the current account (if any) so that two concurrent changes are audited one after the other. */
  async lockByVenue(manager: EntityManager, venueId: string): Promise<VenueBankAccountEntity | null> {
    return manager
      .createQueryBuilder(VenueBankAccountEntity, 'b')
      .setLock('pessimistic_write')
      .where('b.venue_id = :venueId', { venueId })
      .getOne();
  }

  async save(manager: EntityManager, values: Pick<VenueBankAccountEntity, 'venueId' | 'iban' | 'bic' | 'holderName' | 'updatedByUserId'>) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(VenueBankAccountEntity)
      .values(values)
      .orUpdate(['iban', 'bic', 'holder_name', 'updated_by_user_id', 'updated_at'], ['venue_id'])
      .execute();
    return manager.findOneByOrFail(VenueBankAccountEntity, { venueId: values.venueId });
  }
}
