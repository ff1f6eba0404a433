import type { VoucherStatus } from '../vouchers/voucher-status';
import {
  DEVICE_CLOCK_TOLERANCE_MS,
  isInsideTerritory,
  refusalFor,
  undoRefusal,
  UNDO_WINDOW_MS,
  type VoucherForRedemption,
} from './redemption.rules';

const AT = new Date('2026-06-15T10:00:00Z');
const LYON = { communeInseeCode: '69387', departementCode: '69' };

function voucher(overrides: Partial<VoucherForRedemption> = {}): VoucherForRedemption {
  return {
    status: 'issued',
    redeemableUntil: new Date('2026-12-31T22:59:59Z'),
    issuedAt: new Date('2026-06-01T08:00:00Z'),
    territoryDepartements: [],
    territoryCommunes: [],
    ...overrides,
  };
}

describe('refusalFor', () => {
  it.each<[VoucherStatus, string | null]>([
    ['issued', null],
    ['redeemed', 'ALREADY_REDEEMED'],
    ['cancelled', 'CANCELLED'],
    ['expired', 'EXPIRED'],
    ['generated', 'NOT_ISSUED'],
    ['active', 'NOT_ISSUED'],
    ['allocated', 'NOT_ISSUED'],
  ])('status %s → %s', (status, expected) => {
    expect(refusalFor(voucher({ status }), LYON, AT)).toBe(expected);
  });

  it.each([
    ['one second before the last redeemable moment', -1000, null],
    ['at the last redeemable moment (23:59:59 Paris time, a whole second)', 0, null],
    ['one millisecond after', 1, 'EXPIRED'],
    ['one second after', 1000, 'EXPIRED'],
  ])('%s', (_label, offsetMs, expected) => {
    const redeemableUntil = new Date(AT.getTime() - offsetMs);
    expect(refusalFor(voucher({ redeemableUntil }), LYON, AT)).toBe(expected);
  });

  it('checks status before expiry, and expiry before territory', () => {
    const expired = new Date(AT.getTime() - 1000);
    expect(refusalFor(voucher({ status: 'redeemed', redeemableUntil: expired }), LYON, AT)).toBe('ALREADY_REDEEMED');
    expect(refusalFor(voucher({ redeemableUntil: expired, territoryDepartements: ['75'] }), LYON, AT)).toBe('EXPIRED');
  });

  it('refuses a scan dated well before the chèque was issued, tolerating a slow device clock', () => {
    const issuedAt = new Date(AT.getTime() + DEVICE_CLOCK_TOLERANCE_MS);
    expect(refusalFor(voucher({ issuedAt }), LYON, AT)).toBeNull();
    expect(refusalFor(voucher({ issuedAt: new Date(issuedAt.getTime() + 1) }), LYON, AT)).toBe('NOT_ISSUED');
  });

  it('refuses outside the territory', () => {
    expect(refusalFor(voucher({ territoryDepartements: ['75'] }), LYON, AT)).toBe('OUTSIDE_TERRITORY');
  });
});

describe('isInsideTerritory', () => {
  it.each([
    [[], [], LYON, true],
    [['69'], [], LYON, true],
    [['75', '69'], [], LYON, true],
    [['75'], [], LYON, false],
    [[], ['69387'], LYON, true],
    [[], ['69381'], LYON, false],
    [['75'], ['69387'], LYON, true],
    [['2A'], [], { communeInseeCode: '2A004', departementCode: '2A' }, true],
    [['69'], [], { communeInseeCode: null, departementCode: null }, false],
    [[], [], { communeInseeCode: null, departementCode: null }, true],
  ])('départements %j communes %j at %j → %s', (territoryDepartements, territoryCommunes, place, expected) => {
    expect(isInsideTerritory({ territoryDepartements, territoryCommunes }, place)).toBe(expected);
  });
});

describe('undoRefusal', () => {
  const recordedAt = new Date('2026-06-15T10:00:00Z');
  it.each([
    ['fresh', { cancelledAt: null, statementId: null, recordedAt }, 1000, null],
    ['at exactly 24 h', { cancelledAt: null, statementId: null, recordedAt }, UNDO_WINDOW_MS, null],
    ['past 24 h', { cancelledAt: null, statementId: null, recordedAt }, UNDO_WINDOW_MS + 1, 'UNDO_WINDOW_PASSED'],
    ['in a statement', { cancelledAt: null, statementId: 'stmt', recordedAt }, 1000, 'IN_STATEMENT'],
    ['already cancelled', { cancelledAt: recordedAt, statementId: 'stmt', recordedAt }, 1000, 'ALREADY_CANCELLED'],
  ])('%s', (_label, redemption, elapsedMs, expected) => {
    expect(undoRefusal(redemption, new Date(recordedAt.getTime() + elapsedMs))).toBe(expected);
  });
});
