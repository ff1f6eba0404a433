import type { CarnetStatus } from '../carnets/carnet-status';
import type { VoucherStatus } from '../vouchers/voucher-status';
import type { CouponState } from './render/carnet-print-data';

/** Carnets worth printing: in a stock or handed out. Cancelled, expired or used-up carnets are not reprinted. */
export const PRINTABLE_CARNET_STATUSES: readonly CarnetStatus[] = ['in_stock', 'allocated', 'issued'];

/** What a coupon shows: a live chèque gets its QR and code; any other state a voided coupon without them. */
export function couponStateOf(status: VoucherStatus): CouponState {
  switch (status) {
    case 'active':
    case 'allocated':
    case 'issued':
      return 'valid';
    case 'redeemed':
    case 'cancelled':
    case 'expired':
      return status;
    case 'generated':
      throw new RangeError('A chèque still being generated cannot be printed');
  }
}

/** Fixed-size parts, in order: each becomes one PDF file, which bounds the memory and the size of a file. */
export function splitIntoParts<T>(items: readonly T[], perPart: number): T[][] {
  if (!Number.isInteger(perPart) || perPart < 1) throw new RangeError(`perPart must be a positive integer, got ${perPart}`);
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += perPart) parts.push(items.slice(start, start + perPart));
  return parts;
}

/** `carnets-001.pdf`: sorts in print order in any file manager. */
export function printRunFileName(index: number): string {
  return `carnets-${String(index).padStart(3, '0')}.pdf`;
}

export interface VenueArea {
  communeInseeCode: string | null;
  departementCode: string | null;
}

/**
 * Where to look for venues to list on the cover: around the beneficiary if known, else around the
 * structure that holds the carnet, else in the funder's département.
 */
export function venueAreaOf(candidates: {
  beneficiary: VenueArea | null;
  prescriber: VenueArea | null;
  funderDepartementCode: string | null;
}): VenueArea {
  for (const area of [candidates.beneficiary, candidates.prescriber]) {
    if (area && (area.communeInseeCode || area.departementCode)) return area;
  }
  return { communeInseeCode: null, departementCode: candidates.funderDepartementCode };
}

/**
 * The cover's dedication: "Offert par <funder>", then the funder's own text as written. A funder text
 * that already says who offers the carnet ("Offert par le Département du Rhône") replaces the line
 * rather than repeating it.
 */
export function coverDedication(funderName: string, personalisationText: string | null): { offeredBy: string | null; text: string | null } {
  const text = personalisationText?.trim() || null;
  const saysWhoOffers = text !== null && /^offert(e|s|es)? par\b/i.test(text.normalize('NFC'));
  return { offeredBy: saysWhoOffers ? null : `Offert par ${funderName}`, text };
}
