import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentBatchEntity } from './payment-batch.entity';

@Injectable()
export class PaymentBatchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `PN-YYYYMMDD-NNNNNN` from a sequence: unique message ids, as banks require. */
  async nextMessageId(manager: EntityManager, day: string): Promise<string> {
    const [row] = await manager.query(`SELECT lpad(nextval('payment_batch_number_seq')::text, 6, '0') AS n`);
    return `PN-${day.replace(/-/g, '')}-${row.n}`;
  }

  async insert(manager: EntityManager, values: Partial<PaymentBatchEntity>): Promise<PaymentBatchEntity> {
    return manager.save(manager.create(PaymentBatchEntity, values));
  }

  findById(id: string, manager?: EntityManager): Promise<PaymentBatchEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(PaymentBatchEntity, { id });
  }

  /** exported → confirmed; null if the batch is not (or no longer) exported. */
  async markConfirmed(
    manager: EntityManager,
    id: string,
    paidOn: string,
    bankReference: string | null,
  ): Promise<PaymentBatchEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(PaymentBatchEntity)
      .set({ status: 'confirmed', paidOn, bankReference, confirmedAt: () => 'now()' })
      .where('id = :id AND status = :exported', { id, exported: 'exported' })
      .execute();
    return result.affected ? this.findById(id, manager) : null;
  }

  async markCancelled(manager: EntityManager, id: string): Promise<PaymentBatchEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(PaymentBatchEntity)
      .set({ status: 'cancelled', cancelledAt: () => 'now()' })
      .where('id = :id AND status = :exported', { id, exported: 'exported' })
      .execute();
    return result.affected ? this.findById(id, manager) : null;
  }

  async list(filter: { limit: number; offset: number }): Promise<{ items: PaymentBatchEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(PaymentBatchEntity, {
      // The XML can be large: it is served by its own endpoint.
      select: {
        id: true,
        messageId: true,
        status: true,
        requestedExecutionDate: true,
        transferCount: true,
        controlSumCents: true,
        createdByUserId: true,
        createdAt: true,
        bankReference: true,
        paidOn: true,
        confirmedAt: true,
        cancelledAt: true,
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }
}
