import { Writable } from 'node:stream';
import QRCode from 'qrcode';
import { assertPrintableTerritory, MAX_TERRITORY_ENTRIES } from '../../orders/orders.rules';
import { generateSigningKeyPair } from '../../signing/key-ring';
import { signVoucherQr } from '../../signing/voucher-signature';
import { QR_QUIET_ZONE_MODULES } from './qr-vector';
import type { CarnetPrintData } from './carnet-print-data';
import { COUPONS_PER_PAGE, couponBox, couponQrBox, PAGE_HEIGHT, PAGE_WIDTH, pagesOfCarnet, writeCarnets } from './carnet-document';

const QR_TEXT = 'PN1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$34T*0:L5O/GQ20.M5.P:M6DE37-WAP.DL1JR2RUK7Y2K79SNGHJ5E5I5ZX6OO9EI0C';

function carnet(sequence: number, couponCount = 10): CarnetPrintData {
  const number = `2026-0042-${String(sequence).padStart(6, '0')}`;
  return {
    number,
    cancelled: false,
    funderName: 'Département du Rhône',
    personalisationText: null,
    beneficiaryFirstName: null,
    faceValueCents: 1000,
    expiresAt: new Date('2030-12-31T22:59:59Z'),
    venues: [],
    coupons: Array.from({ length: couponCount }, (_, index) => ({
      position: index + 1,
      serial: `${number}-${String(index + 1).padStart(2, '0')}`,
      state: index === 0 ? ('valid' as const) : ('cancelled' as const),
      faceValueCents: 1000,
      expiresAt: new Date('2030-12-31T22:59:59Z'),
      code: index === 0 ? 'W9C8S3X772YYHN2Q' : null,
      qrText: index === 0 ? QR_TEXT : null,
    })),
  };
}

/** Collects what it receives and when, accepting writes slowly (a busy disk). */
class SlowSink extends Writable {
  received = 0;
  constructor() {
    super({ highWaterMark: 16 * 1024 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.received += chunk.length;
    setImmediate(done);
  }
}

describe('carnet document geometry', () => {
  it('counts a cover plus one page per four coupons', () => {
    expect([5, 10, 4, 1].map(pagesOfCarnet)).toEqual([3, 4, 2, 2]);
  });

  it('keeps every coupon and its QR code on the A4 page, without overlaps', () => {
    for (let index = 0; index < COUPONS_PER_PAGE; index++) {
      const coupon = couponBox(index);
      const qr = couponQrBox(index);
      expect(coupon.x).toBeGreaterThanOrEqual(0);
      expect(coupon.y + coupon.height).toBeLessThanOrEqual(PAGE_HEIGHT);
      expect(coupon.x + coupon.width).toBeLessThanOrEqual(PAGE_WIDTH);
      expect(qr.x).toBeGreaterThan(coupon.x);
      expect(qr.y).toBeGreaterThan(coupon.y);
      expect(qr.y + qr.height).toBeLessThan(coupon.y + coupon.height);
      if (index > 0) expect(coupon.y).toBeGreaterThanOrEqual(couponBox(index - 1).y + couponBox(index - 1).height - 0.001);
    }
  });
});

describe('writeCarnets', () => {
  it('streams finished pages while it renders instead of holding the whole file in memory', async () => {
    const sink = new SlowSink();
    const receivedAt: number[] = [];
    await writeCarnets(
      Array.from({ length: 30 }, (_, index) => carnet(index + 1)),
      sink,
      () => receivedAt.push(sink.received),
    );
    const total = sink.received;
    // Halfway through, about half of the bytes have already left.
    expect(receivedAt[14]).toBeGreaterThan(total * 0.3);
    expect(receivedAt.every((value, index) => index === 0 || value >= receivedAt[index - 1])).toBe(true);
  });

  it('writes one PDF with the expected pages', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writeCarnets([carnet(1, 10), carnet(2, 5)], sink);
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(pagesOfCarnet(10) + pagesOfCarnet(5));
  });
});

describe('QR code of a chèque with the largest territory an order may have', () => {
  // Longest key id and serial the platform produces, and MAX_TERRITORY_ENTRIES communes.
  const now = new Date('2026-06-01T00:00:00Z');
  const key = generateSigningKeyPair('pass-numerique-1', new Date('2026-01-01T00:00:00Z'), new Date('2031-12-31T00:00:00Z'));
  const territoryOf = (entries: number) => Array.from({ length: entries }, (_, index) => `69${String(index + 1).padStart(3, '0')}`);
  const qrText = (entries: number) =>
    signVoucherQr(
      {
        serial: '2026-99999-999999-99',
        code: 'W9C8S3X772YYHN2Q',
        expiresAt: new Date('2030-12-31T22:59:59Z'),
        territory: territoryOf(entries),
      },
      key,
      now,
    );
  const moduleMillimetres = (text: string) => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' });
    return (couponQrBox(0).width * 25.4) / 72 / (modules.size + 2 * QR_QUIET_ZONE_MODULES);
  };

  it('prints modules of at least 0.65 mm (4 pixels at 150 dpi)', () => {
    expect(moduleMillimetres(qrText(MAX_TERRITORY_ENTRIES))).toBeGreaterThanOrEqual(0.65);
    expect(() => assertPrintableTerritory(territoryOf(MAX_TERRITORY_ENTRIES), [])).not.toThrow();
  });

  it('is refused at order time one entry further, with TERRITORY_TOO_LARGE', () => {
    expect(() => assertPrintableTerritory(territoryOf(20), territoryOf(MAX_TERRITORY_ENTRIES - 19))).toThrow(
      expect.objectContaining({
        code: 'TERRITORY_TOO_LARGE',
        details: { rule: 'territory', entries: MAX_TERRITORY_ENTRIES + 1, maxEntries: MAX_TERRITORY_ENTRIES },
      }),
    );
  });
});
