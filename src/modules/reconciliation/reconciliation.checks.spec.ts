import { ANOMALY_KINDS } from './anomaly-kind';
import { ALLOWED_CARNET_VOUCHER_STATES, RECONCILIATION_CHECKS } from './reconciliation.checks';
import { CARNET_STATUSES } from '../carnets/carnet-status';
import { VOUCHER_STATUSES } from '../vouchers/voucher-status';

describe('reconciliation checks', () => {
  it('has exactly one check per anomaly kind', () => {
    expect(RECONCILIATION_CHECKS.map((check) => check.kind)).toEqual([...ANOMALY_KINDS]);
  });

  it('knows every carnet state and only real voucher states', () => {
    expect(Object.keys(ALLOWED_CARNET_VOUCHER_STATES).sort()).toEqual([...CARNET_STATUSES].sort());
    for (const states of Object.values(ALLOWED_CARNET_VOUCHER_STATES)) {
      for (const state of states) expect(VOUCHER_STATUSES).toContain(state);
    }
  });

  it.each([
    ['in_stock', 'active', true],
    ['in_stock', 'issued', false],
    ['allocated', 'active', false],
    ['issued', 'redeemed', true],
    ['issued', 'expired', false], // expiry closes the carnet in the same transaction
    ['expired', 'issued', false],
    ['cancelled', 'redeemed', true], // used before the carnet was blocked
    ['fully_used', 'issued', false],
  ])('carnet %s with a %s chèque allowed: %s', (carnet, voucher, allowed) => {
    expect(ALLOWED_CARNET_VOUCHER_STATES[carnet].includes(voucher)).toBe(allowed);
  });
});
