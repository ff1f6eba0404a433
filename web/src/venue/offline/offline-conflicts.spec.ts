import { isOwnLostRedemption, syncSummary } from './offline-conflicts';
import type { OfflineBatchReport, SyncOutcome } from './offline-store';

type Item = OfflineBatchReport['items'][number];

const SENT_AT = '2026-05-12T12:00:00.000Z';
const redeemedHere = (redeemedAt: string): Item => ({
  index: 0,
  outcome: 'conflict',
  reason: 'ALREADY_REDEEMED',
  serial: '2026-0001-000001-01',
  details: { redeemedAt, redeemedHere: true, site: null },
});

describe('isOwnLostRedemption', () => {
  it('recognises the lost request: already redeemed here, moments after it was sent', () => {
    expect(isOwnLostRedemption(redeemedHere('2026-05-12T12:00:03.000Z'), SENT_AT)).toBe(true);
  });

  it('allows for a device clock a few minutes ahead of the server', () => {
    expect(isOwnLostRedemption(redeemedHere('2026-05-12T11:56:00.000Z'), SENT_AT)).toBe(true);
  });

  it('is a real conflict when the chèque was redeemed here well before the request was sent', () => {
    expect(isOwnLostRedemption(redeemedHere('2026-05-11T09:00:00.000Z'), SENT_AT)).toBe(false);
  });

  it('is a real conflict when another venue redeemed it', () => {
    const elsewhere: Item = {
      ...redeemedHere('2026-05-12T12:00:03.000Z'),
      details: { redeemedAt: '2026-05-12T12:00:03.000Z', redeemedHere: false },
    };
    expect(isOwnLostRedemption(elsewhere, SENT_AT)).toBe(false);
  });

  it('is a real conflict for a chèque that was never in a lost request, or refused for another reason', () => {
    expect(isOwnLostRedemption(redeemedHere('2026-05-12T12:00:03.000Z'), null)).toBe(false);
    expect(isOwnLostRedemption({ ...redeemedHere('2026-05-12T12:00:03.000Z'), reason: 'EXPIRED' }, SENT_AT)).toBe(false);
  });
});

describe('syncSummary', () => {
  const outcome = (answerLostAt: SyncOutcome['answerLostAt']): SyncOutcome => ({
    venueId: 'venue',
    settledAt: '2026-05-12T12:01:00.000Z',
    labels: ['A', 'B', 'C'],
    answerLostAt,
    report: {
      batchId: 'batch',
      deviceId: 'guichet-1',
      acceptedCount: 1,
      conflictCount: 2,
      acceptedValueCents: 1000,
      items: [
        { ...redeemedHere('2026-05-12T12:00:03.000Z'), index: 0, serial: 'S-A' },
        { index: 1, outcome: 'accepted', serial: 'S-B', redemptionId: 'r', valueCents: 1000 },
        {
          ...redeemedHere('2026-05-12T12:00:03.000Z'),
          index: 2,
          serial: 'S-C',
          details: { redeemedAt: '2026-05-12T12:00:03.000Z', redeemedHere: false },
        },
      ],
    },
  });

  it('counts a lost answer found redeemed here as redeemed, with a reassuring verdict, and keeps the real conflict', () => {
    const summary = syncSummary(outcome([SENT_AT, null, SENT_AT]));
    expect(summary.acceptedCount).toBe(2);
    expect(summary.conflictCount).toBe(1);
    expect(summary.verdicts.map(({ label, accepted, title }) => ({ label, accepted, title }))).toEqual([
      { label: 'S-A', accepted: true, title: 'Chèque encaissé' },
      { label: 'S-C', accepted: false, title: 'Chèque déjà utilisé' },
    ]);
    expect(summary.verdicts[0]!.reason).toMatch(/^Votre lieu a encaissé ce chèque le 12 mai 2026 à 14:00, quand le réseau a coupé/);
  });

  it('reads an outcome kept by an older version (no answerLostAt) as the server reported it', () => {
    const summary = syncSummary(outcome(undefined));
    expect(summary.acceptedCount).toBe(1);
    expect(summary.conflictCount).toBe(2);
    expect(summary.verdicts.every((verdict) => !verdict.accepted)).toBe(true);
  });
});
