import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, type AuditRecord } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { InvalidTransitionError, NotFoundError } from '../../common/errors/common-errors';
import { TransactionRunner } from '../../database/transaction-runner';
import type { OppositionDto, RangeOppositionDto } from './dto/opposition.dto';
import type { CarnetOppositionDto, RangeOppositionResultDto, VoucherOppositionDto } from './dto/opposition-result.dto';
import type { OppositionReason } from './opposition-reason';
import { OppositionError } from './oppositions.errors';
import { carnetScopeOf, type CarnetScope } from '../carnets/carnet-scope';
import { LockedCarnet, OppositionsRepository } from './oppositions.repository';
import { carnetStatusFromVouchers } from '../carnets/carnets.rules';
import { CANCELLABLE_VOUCHER_STATUSES, cancellableCarnetStatuses, carnetNumbersInRange } from './oppositions.rules';

/** Most carnets one range opposition may cover (a box of carnets lost in the mail, not a whole order by mistake). */
const MAX_RANGE = 5000;

/**
 * Opposition (lost, stolen, blocked): cancelled chèques can never be redeemed (redemption requires
 * `issued`), and they are appended to the signed revocation list for verifiers working offline.
 */
@Injectable()
export class OppositionsService {
  constructor(
    private readonly oppositions: OppositionsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async opposeCarnet(actor: OrganisationActor, carnetId: string, dto: OppositionDto): Promise<CarnetOppositionDto> {
    const scope = carnetScopeOf(actor);
    return this.transactions.run(async (manager) => {
      const [carnet] = await this.oppositions.lockCarnets(manager, scope, { ids: [carnetId] });
      if (!carnet) throw new NotFoundError('Carnet');
      assertOrderReady(carnet.orderStatus);
      if (!cancellableCarnetStatuses(scope.kind).includes(carnet.status))
        throw new InvalidTransitionError('carnet', carnet.status, 'put in opposition');
      const [result] = await this.cancelLockedCarnets(manager, scope, [carnet], dto.reason);
      return result;
    });
  }

  /** Cancels what can be cancelled in the range and reports the rest; one transaction, so the answer is the truth. */
  async opposeRange(actor: OrganisationActor, dto: RangeOppositionDto): Promise<RangeOppositionResultDto> {
    const range = carnetNumbersInRange(dto.fromNumber, dto.toNumber, MAX_RANGE);
    if (!range.ok) {
      throw new OppositionError(
        'INVALID_CARNET_RANGE',
        `Invalid carnet range (${range.problem}): both numbers must belong to one order, in order, at most ${MAX_RANGE} carnets.`,
        {
          problem: range.problem,
        },
      );
    }
    const scope = carnetScopeOf(actor);
    return this.transactions.run(async (manager) => {
      const carnets = await this.oppositions.lockCarnets(manager, scope, { numbers: range.numbers });
      if (carnets.length === 0) throw new NotFoundError('Carnet range');
      assertOrderReady(carnets[0].orderStatus);
      const allowed = cancellableCarnetStatuses(scope.kind);
      const cancellable = carnets.filter((carnet) => allowed.includes(carnet.status));
      const cancelled = await this.cancelLockedCarnets(manager, scope, cancellable, dto.reason);
      return {
        requested: range.numbers.length,
        cancelled,
        skipped: carnets
          .filter((carnet) => !allowed.includes(carnet.status))
          .map((carnet) => ({ carnetNumber: carnet.number, status: carnet.status })),
        notFound: range.numbers.length - carnets.length,
      };
    });
  }

  async opposeVoucher(actor: OrganisationActor, serial: string, dto: OppositionDto): Promise<VoucherOppositionDto> {
    const scope = carnetScopeOf(actor);
    const now = new Date();
    return this.transactions.run(async (manager) => {
      const voucher = await this.oppositions.lockVoucherBySerial(manager, scope, serial);
      if (!voucher) throw new NotFoundError('Chèque');
      assertOrderReady(voucher.orderStatus);
      const allowed = cancellableCarnetStatuses(scope.kind);
      if (!allowed.includes(voucher.carnetStatus))
        throw new InvalidTransitionError('carnet', voucher.carnetStatus, 'put a chèque in opposition in');
      if (!CANCELLABLE_VOUCHER_STATUSES.includes(voucher.status))
        throw new InvalidTransitionError('chèque', voucher.status, 'put in opposition');

      const cancelled = await this.oppositions.cancelVouchers(manager, { voucherId: voucher.id }, dto.reason, now);
      const revocationVersion = await this.oppositions.appendRevocations(manager, cancelled, dto.reason);
      // The voucher was cancellable and locked, so it was cancelled and one revocation was appended.
      if (revocationVersion === null) throw new Error(`Voucher ${voucher.id} was not cancelled.`);
      const holderId = voucher.prescriberId ?? voucher.funderId;
      const records: AuditRecord[] = [
        {
          action: 'voucher.opposed',
          objectType: 'voucher',
          objectId: voucher.id,
          objectOrganisationId: holderId,
          before: { status: voucher.status },
          after: { status: 'cancelled', reason: dto.reason, revocationVersion },
        },
      ];
      // The carnet follows its chèques (carnetStatusFromVouchers): this may have been its last live chèque.
      const carnetStatus = carnetStatusFromVouchers(
        voucher.carnetStatus,
        await this.oppositions.voucherStatusesOfCarnet(manager, voucher.carnetId),
      );
      if (carnetStatus !== voucher.carnetStatus) {
        await this.oppositions.closeCarnet(manager, voucher.carnetId, voucher.carnetStatus, carnetStatus, dto.reason, now);
        records.push({
          action: carnetStatus === 'cancelled' ? 'carnet.opposed' : `carnet.${carnetStatus}`,
          objectType: 'carnet',
          objectId: voucher.carnetId,
          objectOrganisationId: holderId,
          before: { status: voucher.carnetStatus },
          after: {
            status: carnetStatus,
            reason: dto.reason,
            cause: carnetStatus === 'cancelled' ? 'every chèque cancelled' : 'no chèque left to use',
          },
        });
      }
      await this.audit.record(manager, ...records);
      return { serial: voucher.serial, status: 'cancelled', reason: dto.reason, cancelledAt: now, carnetStatus, revocationVersion };
    });
  }

  private async cancelLockedCarnets(
    manager: EntityManager,
    scope: CarnetScope,
    carnets: LockedCarnet[],
    reason: OppositionReason,
  ): Promise<CarnetOppositionDto[]> {
    if (carnets.length === 0) return [];
    const now = new Date();
    const cancelledIds = new Set(
      await this.oppositions.cancelCarnets(
        manager,
        carnets.map((carnet) => carnet.id),
        cancellableCarnetStatuses(scope.kind),
        reason,
        now,
      ),
    );
    const vouchers = await this.oppositions.cancelVouchers(manager, { carnetIds: [...cancelledIds] }, reason, now);
    const revocationVersion = await this.oppositions.appendRevocations(manager, vouchers, reason);
    const voucherCount = new Map<string, number>();
    for (const voucher of vouchers) voucherCount.set(voucher.carnetId, (voucherCount.get(voucher.carnetId) ?? 0) + 1);
    const done = carnets.filter((carnet) => cancelledIds.has(carnet.id));
    await this.audit.record(
      manager,
      ...done.map((carnet) => ({
        action: 'carnet.opposed',
        objectType: 'carnet',
        objectId: carnet.id,
        objectOrganisationId: carnet.prescriberId ?? carnet.funderId,
        before: { status: carnet.status },
        after: { status: 'cancelled', reason, cancelledVouchers: voucherCount.get(carnet.id) ?? 0, revocationVersion },
      })),
    );
    return done.map((carnet) => ({
      carnetId: carnet.id,
      carnetNumber: carnet.number,
      status: 'cancelled' as const,
      reason,
      cancelledVouchers: voucherCount.get(carnet.id) ?? 0,
      cancelledAt: now,
      revocationVersion,
    }));
  }
}

/** Until generation is finished the generation job owns the carnets; cancelling then would race it. */
function assertOrderReady(orderStatus: string): void {
  if (orderStatus !== 'ready') throw new InvalidTransitionError('order', orderStatus, 'put in opposition carnets of');
}
