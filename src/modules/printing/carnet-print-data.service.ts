import { Injectable } from '@nestjs/common';
import { InvalidTransitionError, NotFoundError } from '../../common/errors/common-errors';
import type { CarnetScope } from '../carnets/carnet-scope';
import { VoucherQrService } from '../signing/voucher-qr.service';
import type { CarnetPrintData, VenuePrintData } from './render/carnet-print-data';
import { CarnetToPrint, PrintingRepository, VoucherToPrint } from './printing.repository';
import { couponStateOf, PRINTABLE_CARNET_STATUSES, venueAreaOf } from './printing.rules';

const VENUES_ON_COVER = 5;
// Signing is quick but not free: give the event loop a turn every few carnets of a big batch.
const YIELD_EVERY = 10;

/**
 * Decides everything printed on carnets: re-derives each code, signs each QR, picks the venues.
 * Secrets stay in this process; the render thread only receives what ends up on paper.
 */
@Injectable()
export class CarnetPrintDataService {
  constructor(
    private readonly printing: PrintingRepository,
    private readonly voucherQr: VoucherQrService,
  ) {}

  /**
   * Carnets a caller asks for now: each must be within the scope (404 otherwise, like a missing one),
   * printable and of a ready order (409 otherwise).
   */
  async resolvePrintable(scope: CarnetScope, carnetIds: readonly string[]): Promise<CarnetToPrint[]> {
    const unique = [...new Set(carnetIds)];
    const carnets = await this.printing.findCarnets(scope, unique);
    if (carnets.length !== unique.length)
      throw new NotFoundError(unique.length === 1 ? 'Carnet' : `${unique.length - carnets.length} carnet(s)`);
    for (const carnet of carnets) {
      if (carnet.orderStatus !== 'ready') throw new InvalidTransitionError('order', carnet.orderStatus, `print carnet ${carnet.number} of`);
      if (!PRINTABLE_CARNET_STATUSES.includes(carnet.status))
        throw new InvalidTransitionError('carnet', carnet.status, `print carnet ${carnet.number}`);
    }
    return carnets;
  }

  /** Carnets already resolved within a scope are printed as they are now: voided coupons show no code. */
  async build(carnets: readonly CarnetToPrint[], now: Date = new Date()): Promise<CarnetPrintData[]> {
    const vouchers = groupByCarnet(await this.printing.vouchersOf(carnets.map((carnet) => carnet.id)));
    const venuesByArea = new Map<string, Promise<VenuePrintData[]>>();
    const printData: CarnetPrintData[] = [];
    for (const [index, carnet] of carnets.entries()) {
      const area = venueAreaOf({
        beneficiary: carnet.beneficiaryCommuneInseeCode
          ? { communeInseeCode: carnet.beneficiaryCommuneInseeCode, departementCode: carnet.beneficiaryDepartementCode }
          : null,
        prescriber:
          carnet.prescriberCommuneInseeCode || carnet.prescriberDepartementCode
            ? { communeInseeCode: carnet.prescriberCommuneInseeCode, departementCode: carnet.prescriberDepartementCode }
            : null,
        funderDepartementCode: carnet.funderDepartementCode,
      });
      const areaKey = `${area.communeInseeCode}|${area.departementCode}`;
      let venuesOfArea = venuesByArea.get(areaKey);
      if (!venuesOfArea) {
        venuesOfArea = this.printing.qualifiedVenuesNear(area, VENUES_ON_COVER);
        venuesByArea.set(areaKey, venuesOfArea);
      }
      const carnetVouchers = vouchers.get(carnet.id) ?? [];
      printData.push({
        number: carnet.number,
        cancelled: carnet.status === 'cancelled',
        funderName: carnet.funderName,
        personalisationText: carnet.personalisationText,
        beneficiaryFirstName: carnet.beneficiaryFirstName,
        faceValueCents: carnet.faceValueCents,
        expiresAt: new Date(Math.max(...carnetVouchers.map((voucher) => voucher.expiresAt.getTime()))),
        venues: await venuesOfArea,
        coupons: carnetVouchers.map((voucher) => {
          const state = couponStateOf(voucher.status);
          const codes = state === 'valid' ? this.voucherQr.codesFor(voucher, carnet.territory, now) : null;
          return {
            position: voucher.position,
            serial: voucher.serial,
            state,
            faceValueCents: voucher.faceValueCents,
            expiresAt: voucher.expiresAt,
            code: codes?.code ?? null,
            qrText: codes?.qrText ?? null,
          };
        }),
      });
      if ((index + 1) % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return printData;
  }
}

function groupByCarnet(vouchers: VoucherToPrint[]): Map<string, VoucherToPrint[]> {
  const byCarnet = new Map<string, VoucherToPrint[]>();
  for (const voucher of vouchers) {
    const list = byCarnet.get(voucher.carnetId) ?? [];
    list.push(voucher);
    byCarnet.set(voucher.carnetId, list);
  }
  return byCarnet;
}
