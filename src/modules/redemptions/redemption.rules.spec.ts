import type { VoucherStatus } from '../vouchers/voucher-status';
import { DEVICE_CLOCK_TOLERANCE_MS, isInsideTerritory, redeemableUntil, refusalFor, undoRefusal, UNDO_WINDOW_MS, type VoucherForRedemption } from './redemption.rules';

const AT = new Date('2026-06-15T10:00:00Z');
const LYON = { communeInseeCode: '69387', departementCode: '69' };

function voucher(overrides: Partial<VoucherForRedemption> = {}): VoucherForRedemption {
  return {
    status: 'issued',
    expiresAt: new Date('2026-12-31T22:59:59Z'),
    issuedAt: new Date('2026-06-01T08:00:00Z'),
    graceDays: 0,
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
    ['one second before the expiry', -1000, null],
    ['at the expiry instant', 0, null],
    ['one millisecond after', 1, 'EXPIRED'],
    ['one second after', 1000, 'EXPIRED'],
  ])('%s', (_label, offsetMs, expected) => {
    const expiresAt = new Date(AT.getTime() - offsetMs);
    expect(refusalFor(voucher({ expiresAt }), LYON, AT)).toBe(expected);
  });

  it('accepts during the grace period and refuses after it', () => {
    const expiresAt = new Date('2026-12-31T22:59:59.999Z'); // end of 31 December, Paris
    expect(refusalFor(voucher({ expiresAt, graceDays: 31 }), LYON, new Date('2027-01-31T22:59:59Z'))).toBeNull();
    expect(refusalFor(voucher({ expiresAt, graceDays: 31 }), LYON, new Date('2027-01-31T23:00:00Z'))).toBe('EXPIRED');
  });

  it('checks status before expiry, and expiry before territory', () => {
    const expired = new Date(AT.getTime() - 1000);
    expect(refusalFor(voucher({ status: 'redeemed', expiresAt: expired }), LYON, AT)).toBe('ALREADY_REDEEMED');
    expect(refusalFor(voucher({ expiresAt: expired, territoryDepartements: ['75'] }), LYON, AT)).toBe('EXPIRED');
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

describe('redeemableUntil', () => {
  it.each([
    ['no grace', '2026-12-31T22:59:59.999Z', 0, '2026-12-31T22:59:59.999Z'],
    ['31 days across new year (no DST change)', '2026-12-31T22:59:59.999Z', 31, '2027-01-31T22:59:59.999Z'],
    // End of 20 March in Paris (UTC+1) + 10 days = end of 30 March in Paris (UTC+2, DST started on the 29th).
    ['10 days across the spring DST change', '2026-03-20T22:59:59.999Z', 10, '2026-03-30T21:59:59.999Z'],
    ['10 days across the autumn DST change', '2026-10-20T21:59:59.999Z', 10, '2026-10-30T22:59:59.999Z'],
  ])('%s', (_label, expiresAt, graceDays, expected) => {
    expect(redeemableUntil(new Date(expiresAt), graceDays).toISOString()).toBe(expected);
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
