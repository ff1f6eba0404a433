import { REDEMPTION_REQUEST_SQL_TYPES, type RedeemCommand, redemptionRequest } from './redemption-request';

const command: RedeemCommand = {
  voucherIds: ['v1', 'v2'],
  redemptionIds: ['r1', 'r2'],
  venueId: 'venue',
  siteId: null,
  serviceId: 'service',
  serviceCategory: 'first_steps',
  mode: 'online',
  scannedAt: new Date('2026-03-01T10:00:00.000Z'),
  deviceId: null,
  userId: 'user',
  apiKeyId: null,
  offlineBatchId: null,
  auditActor: { kind: 'user', user_id: 'user', api_key_id: null, organisation_id: 'venue', label: 'Agent', request_id: 'req' },
};

describe('redemptionRequest', () => {
  it('hands SQL every field of redemption_request, and nothing else', () => {
    const request = redemptionRequest(command);
    expect(Object.keys(request).sort()).toEqual(Object.keys(REDEMPTION_REQUEST_SQL_TYPES.redemption_request).sort());
    expect(request).toMatchObject({
      voucher_ids: ['v1', 'v2'],
      redemption_ids: ['r1', 'r2'],
      scanned_at: '2026-03-01T10:00:00.000Z',
      idempotency: null,
    });
  });

  it('carries the key and the answer when the writer claims the key itself, the hash in bytea hex input form', () => {
    const body = { z: 1, a: 2 };
    const request = redemptionRequest(command, {
      request: {
        organisationId: 'venue',
        key: 'k',
        endpoint: 'POST /redemptions',
        body: {},
        requestHash: Buffer.from([0x0a, 0xff]),
        lockKey: 'lock',
      },
      responseStatus: 201,
      responseBody: body,
    });
    expect(request.idempotency).toEqual({
      lock_key: 'lock',
      organisation_id: 'venue',
      key: 'k',
      endpoint: 'POST /redemptions',
      request_hash: '\\x0aff',
      response_status: 201,
      response_body: body,
    });
    expect(Object.keys(request.idempotency ?? {}).sort()).toEqual(Object.keys(REDEMPTION_REQUEST_SQL_TYPES.redemption_idempotency).sort());
  });
});
