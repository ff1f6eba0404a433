import { holdingAlertOf } from './carnet-alerts.rules';

describe('holdingAlertOf (carnets still in a stock)', () => {
  const expiresAt = new Date('2026-12-31T22:59:59.000Z');
  const daysBefore = (days: number, extraMs = 0) => new Date(expiresAt.getTime() - days * 86_400_000 + extraMs);

  it.each([
    ['60 days before expiry', daysBefore(60), null],
    ['31 days before', daysBefore(31), null],
    ['exactly 30 days before (J-30)', daysBefore(30), 'expiring_soon'],
    ['20 days before', daysBefore(20), 'expiring_soon'],
    ['exactly 15 days before: still the last moment to hand out', daysBefore(15), 'expiring_soon'],
    ['one millisecond after J-15', daysBefore(15, 1), 'distribution_closed'],
    ['one day before expiry', daysBefore(1), 'distribution_closed'],
    ['at expiry (the expiry job takes over)', expiresAt, null],
    ['after expiry', daysBefore(-3), null],
  ])('%s → %s', (_label, now, alert) => {
    expect(holdingAlertOf(expiresAt, now, 30, 15)).toBe(alert);
  });

  it('follows the settings', () => {
    expect(holdingAlertOf(expiresAt, daysBefore(40), 45, 15)).toBe('expiring_soon');
    expect(holdingAlertOf(expiresAt, daysBefore(20), 30, 21)).toBe('distribution_closed');
  });
});
