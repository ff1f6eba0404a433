/**
 * The printed carnet, in French, for people who may not read well (FALC spirit: large type, short
 * sentences, one idea per line): a cover page, then cut-out coupons, four per A4 page, each with its
 * QR code (vector), its typable code in groups of four, its value, its expiry and its numbers.
 * Pure drawing with pdfkit: runs in the render thread.
 */
import PDFDocument from 'pdfkit';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { formatVoucherCode } from '../../vouchers/voucher-code.rules';
import type { CarnetPrintData, CouponPrintData, CouponState } from './carnet-print-data';
import { formatEuros, formatLongDate, toPrintableText } from './french-format';
import { coverDedication } from '../printing.rules';
import { drawQrCode } from './qr-vector';

export const PAGE_WIDTH = 595.28; // A4 in points
export const PAGE_HEIGHT = 841.89;
export const COUPONS_PER_PAGE = 4;

const BLUE = '#000091';
const GREY = '#3a3a3a';
const COVER_MARGIN = 48;
const COUPON_MARGIN_X = 28;
const COUPON_MARGIN_Y = 24;
const COUPON_HEIGHT = (PAGE_HEIGHT - 2 * COUPON_MARGIN_Y) / COUPONS_PER_PAGE;
const COUPON_WIDTH = PAGE_WIDTH - 2 * COUPON_MARGIN_X;
const QR_SIZE = 150; // quiet zone included: ≈ 0.85 mm per module for a version-9 symbol
const QR_INSET = 12;
const MAX_VENUES = 5;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the n-th coupon of a page is cut (0-based, top to bottom), in points from the top-left corner. */
export function couponBox(indexOnPage: number): Box {
  return { x: COUPON_MARGIN_X, y: COUPON_MARGIN_Y + indexOnPage * COUPON_HEIGHT, width: COUPON_WIDTH, height: COUPON_HEIGHT };
}

/** Where the n-th coupon's QR code is drawn, quiet zone included. */
export function couponQrBox(indexOnPage: number): Box {
  const coupon = couponBox(indexOnPage);
  return { x: coupon.x + QR_INSET, y: coupon.y + (COUPON_HEIGHT - QR_SIZE) / 2, width: QR_SIZE, height: QR_SIZE };
}

/** Pages a carnet takes: the cover and its coupon pages. */
export function pagesOfCarnet(couponCount: number): number {
  return 1 + Math.ceil(couponCount / COUPONS_PER_PAGE);
}

export function createCarnetDocument(title: string): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Author: 'Pass numérique', Creator: 'Pass numérique', Producer: 'Pass numérique (pdfkit)' },
    lang: 'fr-FR',
    displayTitle: true,
  });
}

/**
 * Renders carnets one after the other into one PDF, streamed to `output`. pdfkit only hands its bytes
 * over on a later tick and ignores backpressure, so after each carnet this yields, then waits for
 * `output` to drain: finished pages go to disk instead of piling up in memory, whatever the number of
 * carnets.
 */
export async function writeCarnets(
  carnets: readonly CarnetPrintData[],
  output: Writable,
  onCarnetDone?: (done: number) => void,
): Promise<void> {
  const title = carnets.length === 1 ? `Pass numérique — carnet ${carnets[0].number}` : `Pass numérique — ${carnets.length} carnets`;
  const doc = createCarnetDocument(title);
  const finished = new Promise<void>((resolve, reject) => {
    output.once('finish', resolve);
    output.once('error', reject);
    doc.once('error', reject);
  });
  doc.on('data', (chunk: Buffer) => output.write(chunk));
  doc.once('end', () => output.end());
  for (let index = 0; index < carnets.length; index++) {
    drawCarnet(doc, carnets[index]);
    onCarnetDone?.(index + 1);
    await new Promise((resolve) => setImmediate(resolve));
    if (output.writableNeedDrain) await once(output, 'drain');
  }
  doc.end();
  return finished;
}

export function drawCarnet(doc: PDFKit.PDFDocument, carnet: CarnetPrintData): void {
  drawCover(doc, carnet);
  carnet.coupons.forEach((coupon, index) => {
    const indexOnPage = index % COUPONS_PER_PAGE;
    if (indexOnPage === 0) doc.addPage();
    drawCoupon(doc, carnet, coupon, indexOnPage);
  });
}

function drawCover(doc: PDFKit.PDFDocument, carnet: CarnetPrintData): void {
  doc.addPage();
  const left = COVER_MARGIN;
  const width = PAGE_WIDTH - 2 * COVER_MARGIN;
  const validCoupons = carnet.coupons.filter((coupon) => coupon.state === 'valid');

  doc.rect(0, 0, PAGE_WIDTH, 118).fill(BLUE);
  doc.fillColor('white').font('Helvetica-Bold').fontSize(38).text('Pass numérique', left, 30, { lineBreak: false });
  doc.font('Helvetica').fontSize(15).text(`Carnet n° ${carnet.number}`, left, 80, { lineBreak: false });

  let y = 146;
  if (carnet.cancelled) {
    doc.rect(left, y - 8, width, 44).fill('#b00020');
    doc
      .fillColor('white')
      .font('Helvetica-Bold')
      .fontSize(20)
      .text('CARNET ANNULÉ — NE PAS DISTRIBUER', left + 12, y + 4, { lineBreak: false });
    y += 56;
  }
  doc.fillColor('black').font('Helvetica').fontSize(16).text('Ce carnet est pour :', left, y, { lineBreak: false });
  y += 24;
  if (carnet.beneficiaryFirstName) {
    doc
      .font('Helvetica-Bold')
      .fontSize(30)
      .text(toPrintableText(carnet.beneficiaryFirstName), left, y, { width, height: 36, ellipsis: true });
  } else {
    doc
      .font('Helvetica')
      .fontSize(16)
      .text('Prénom : ........................................................', left, y + 10, { lineBreak: false });
  }
  y += 48;
  const dedication = coverDedication(carnet.funderName, carnet.personalisationText);
  if (dedication.offeredBy) {
    doc.font('Helvetica-Bold').fontSize(15).text(toPrintableText(dedication.offeredBy), left, y, { width, height: 40, ellipsis: true });
    y = doc.y + 4;
  }
  if (dedication.text) {
    doc
      .font('Helvetica')
      .fontSize(13)
      .fillColor(GREY)
      .text(toPrintableText(dedication.text), left, y, { width, height: 52, ellipsis: true });
    y = doc.y + 4;
  }

  y += 10;
  doc.roundedRect(left, y, width, 96, 8).lineWidth(2).stroke(BLUE);
  doc.fillColor(BLUE).font('Helvetica-Bold').fontSize(24);
  doc.text(`${carnet.coupons.length} chèques de ${formatEuros(carnet.faceValueCents)}`, left + 18, y + 14, { lineBreak: false });
  doc.fillColor('black').font('Helvetica').fontSize(15);
  const value = validCoupons.reduce((sum, coupon) => sum + coupon.faceValueCents, 0);
  const voided = carnet.coupons.length - validCoupons.length;
  const valueLine =
    voided > 0
      ? `Valeur restante : ${formatEuros(value)} (${voided} chèque${voided > 1 ? 's' : ''} hors d’usage)`
      : `Soit ${formatEuros(value)} pour apprendre le numérique`;
  doc.text(valueLine, left + 18, y + 46, { lineBreak: false });
  doc.font('Helvetica-Bold').text(`À utiliser avant le ${formatLongDate(carnet.expiresAt)}`, left + 18, y + 68, { lineBreak: false });
  y += 118;

  doc.fillColor(BLUE).font('Helvetica-Bold').fontSize(20).text('Comment ça marche ?', left, y, { lineBreak: false });
  y += 30;
  const steps = [
    'Choisissez un lieu dans la liste en bas de cette page.',
    'Appelez ou allez sur place pour un atelier ou une aide au numérique.',
    'Apportez ce carnet. Le lieu prend 1 chèque pour 1 atelier.',
    'C’est gratuit pour vous. Gardez les autres chèques pour la suite.',
    'Carnet perdu ou volé ? Prévenez vite la structure qui vous l’a donné.',
  ];
  steps.forEach((step, index) => {
    doc.circle(left + 11, y + 9, 11).fill(BLUE);
    doc
      .fillColor('white')
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(String(index + 1), left + 4, y + 3, { width: 14, align: 'center', lineBreak: false });
    doc
      .fillColor('black')
      .font('Helvetica')
      .fontSize(15)
      .text(step, left + 32, y + 1, { width: width - 32, lineBreak: false });
    y += 28;
  });

  y += 12;
  doc.fillColor(BLUE).font('Helvetica-Bold').fontSize(18).text('Lieux près de chez vous', left, y, { lineBreak: false });
  y += 28;
  if (carnet.venues.length === 0) {
    doc
      .fillColor('black')
      .font('Helvetica')
      .fontSize(14)
      .text('Demandez la liste des lieux à la structure qui vous a donné ce carnet.', left, y, { width });
  }
  for (const venue of carnet.venues.slice(0, MAX_VENUES)) {
    const address = [venue.addressLine, [venue.postalCode, venue.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    doc
      .fillColor('black')
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(toPrintableText(venue.name), left, y, { width, height: 16, ellipsis: true });
    doc
      .font('Helvetica')
      .fontSize(12)
      .fillColor(GREY)
      .text(toPrintableText(address), left, y + 16, { width, height: 15, ellipsis: true });
    y += 38;
  }

  doc.fillColor(GREY).font('Helvetica').fontSize(9);
  doc.text(
    'Les chèques ne sont pas remboursables et ne s’échangent pas contre de l’argent. Découpez-les en suivant les pointillés, ou apportez le carnet entier.',
    left,
    PAGE_HEIGHT - 44,
    { width, lineBreak: true },
  );
}

const VOID_LABELS: Record<Exclude<CouponState, 'valid'>, string> = {
  redeemed: 'DÉJÀ UTILISÉ',
  cancelled: 'ANNULÉ',
  expired: 'EXPIRÉ',
};

function drawCoupon(doc: PDFKit.PDFDocument, carnet: CarnetPrintData, coupon: CouponPrintData, indexOnPage: number): void {
  const box = couponBox(indexOnPage);
  const qr = couponQrBox(indexOnPage);
  doc.save().lineWidth(0.8).dash(5, { space: 4 }).rect(box.x, box.y, box.width, box.height).stroke('#7a7a7a').undash().restore();

  const textX = qr.x + qr.width + 16;
  const textWidth = box.x + box.width - textX - 12;
  const top = box.y + 14;

  doc.fillColor(BLUE).font('Helvetica-Bold').fontSize(12).text('PASS NUMÉRIQUE', textX, top, { lineBreak: false });
  doc.text(`Chèque ${coupon.position} / ${carnet.coupons.length}`, textX, top, { width: textWidth, align: 'right', lineBreak: false });

  if (coupon.state === 'valid' && coupon.qrText && coupon.code) {
    drawQrCode(doc, coupon.qrText, qr.x, qr.y, qr.width);
    doc
      .fillColor('black')
      .font('Helvetica-Bold')
      .fontSize(34)
      .text(formatEuros(coupon.faceValueCents), textX, top + 18, { lineBreak: false });
    doc.fontSize(13).text(`Valable jusqu’au ${formatLongDate(coupon.expiresAt)}`, textX, top + 60, { lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(GREY)
      .text('Code à taper si le QR code ne marche pas :', textX, top + 82, { lineBreak: false });
    doc
      .fillColor('black')
      .font('Courier-Bold')
      .fontSize(21)
      .text(formatVoucherCode(coupon.code), textX, top + 96, { lineBreak: false });
  } else {
    const label = VOID_LABELS[coupon.state === 'valid' ? 'cancelled' : coupon.state];
    doc.rect(qr.x + 10, qr.y + 10, qr.width - 20, qr.height - 20).fill('#e5e5e5');
    doc
      .fillColor('#b00020')
      .font('Helvetica-Bold')
      .fontSize(16)
      .text(label, qr.x + 10, qr.y + qr.height / 2 - 8, { width: qr.width - 20, align: 'center', lineBreak: false });
    doc
      .fillColor('black')
      .font('Helvetica-Bold')
      .fontSize(20)
      .text(`Chèque ${label.toLowerCase()}`, textX, top + 26, { lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(13)
      .text('Ce chèque ne peut plus être utilisé.', textX, top + 60, { lineBreak: false });
  }

  doc.font('Helvetica').fontSize(9).fillColor(GREY);
  doc.text(`Carnet n° ${carnet.number}   ·   Chèque n° ${coupon.serial}`, textX, top + 128, { lineBreak: false });
  doc.text(`Offert par ${toPrintableText(carnet.funderName)}`, textX, top + 141, { width: textWidth, height: 12, ellipsis: true });
  doc.text('1 chèque = 1 atelier. Non remboursable en argent.', textX, top + 154, { lineBreak: false });
}
