/**
 * The raw baseline of `npm run bench -- print`: the same pages with the same QR codes (cover, then four
 * coupons per A4 page with a vector QR, its code, value, expiry and numbers), drawn with pdfkit and
 * qrcode alone, straight to files of the same size, on the main thread. No database, no signing, no
 * thread: what printing would cost with nothing around it.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface BaselineCarnet {
  number: string;
  funderName: string;
  firstName: string | null;
  personalisationText: string | null;
  venues: { name: string; address: string }[];
  coupons: { serial: string; code: string; qrText: string }[];
}

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const n = modules.size;
  const m = size / (n + 8);
  for (let row = 0; row < n; row++) {
    for (let column = 0; column < n; column++) {
      if (!modules.data[row * n + column]) continue;
      const start = column;
      while (column < n && modules.data[row * n + column]) column++;
      doc.rect(x + (4 + start) * m, y + (4 + row) * m, (column - start) * m, m);
    }
  }
  doc.fill('black');
}

function drawCarnet(doc: PDFKit.PDFDocument, carnet: BaselineCarnet): void {
  doc.addPage();
  doc.rect(0, 0, 595.28, 118).fill('#000091');
  doc.fillColor('white').font('Helvetica-Bold').fontSize(38).text('Pass numérique', 48, 30, { lineBreak: false });
  doc.font('Helvetica').fontSize(15).text(`Carnet n° ${carnet.number}`, 48, 80, { lineBreak: false });
  doc.fillColor('black').fontSize(16).text('Ce carnet est pour :', 48, 146, { lineBreak: false });
  doc
    .font('Helvetica-Bold')
    .fontSize(30)
    .text(carnet.firstName ?? 'Prénom : ....................', 48, 170, { lineBreak: false });
  doc.fontSize(15).text(`Offert par ${carnet.funderName}`, 48, 218, { lineBreak: false });
  if (carnet.personalisationText)
    doc.font('Helvetica').fontSize(13).text(carnet.personalisationText, 48, 240, { width: 499, height: 52, ellipsis: true });
  doc.roundedRect(48, 290, 499, 96, 8).lineWidth(2).stroke('#000091');
  doc
    .fillColor('#000091')
    .font('Helvetica-Bold')
    .fontSize(24)
    .text(`${carnet.coupons.length} chèques de 10,00 €`, 66, 304, { lineBreak: false });
  doc.fillColor('black').font('Helvetica').fontSize(15).text('Soit 100,00 € pour apprendre le numérique', 66, 336, { lineBreak: false });
  doc.font('Helvetica-Bold').text('À utiliser avant le 31 décembre 2030', 66, 358, { lineBreak: false });
  let y = 420;
  [
    'Choisissez un lieu dans la liste en bas de cette page.',
    'Appelez ou allez sur place pour un atelier.',
    'Apportez ce carnet. Le lieu prend 1 chèque pour 1 atelier.',
    'C’est gratuit pour vous.',
    'Carnet perdu ou volé ? Prévenez la structure.',
  ].forEach((line, index) => {
    doc.circle(59, y + 9, 11).fill('#000091');
    doc
      .fillColor('white')
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(String(index + 1), 52, y + 3, { lineBreak: false });
    doc.fillColor('black').font('Helvetica').fontSize(15).text(line, 80, y, { lineBreak: false });
    y += 28;
  });
  for (const venue of carnet.venues) {
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(venue.name, 48, y + 20, { lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(12)
      .text(venue.address, 48, y + 36, { lineBreak: false });
    y += 38;
  }
  doc
    .fontSize(9)
    .text(
      'Les chèques ne sont pas remboursables et ne s’échangent pas contre de l’argent. Découpez-les en suivant les pointillés.',
      48,
      798,
      { width: 499 },
    );
  carnet.coupons.forEach((coupon, index) => {
    if (index % 4 === 0) doc.addPage();
    const top = 24 + (index % 4) * 198.47;
    doc.dash(5, { space: 4 }).rect(28, top, 539.28, 198.47).stroke().undash();
    drawQr(doc, coupon.qrText, 40, top + 24, 150);
    doc
      .fillColor('#000091')
      .font('Helvetica-Bold')
      .fontSize(12)
      .text('PASS NUMÉRIQUE', 218, top + 14, { lineBreak: false });
    doc
      .fillColor('black')
      .fontSize(34)
      .text('10,00 €', 218, top + 32, { lineBreak: false });
    doc.fontSize(13).text('Valable jusqu’au 31 décembre 2030', 218, top + 74, { lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(10)
      .text('Code à taper si le QR code ne marche pas :', 218, top + 96, { lineBreak: false });
    doc
      .font('Courier-Bold')
      .fontSize(21)
      .text(coupon.code.replace(/(.{4})(?=.)/g, '$1-'), 218, top + 110, { lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`Carnet n° ${carnet.number} · Chèque n° ${coupon.serial}`, 218, top + 142, { lineBreak: false });
    doc.text(`Offert par ${carnet.funderName}`, 218, top + 155, { lineBreak: false });
    doc.text('1 chèque = 1 atelier. Non remboursable en argent.', 218, top + 168, { lineBreak: false });
  });
}

/** Files of `perFile` carnets, like a print run. */
export async function renderBaseline(carnets: BaselineCarnet[], directory: string, perFile: number): Promise<void> {
  for (let start = 0, index = 1; start < carnets.length; start += perFile, index++) {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const file = createWriteStream(join(directory, `baseline-${index}.pdf`));
    const done = new Promise<void>((resolve) => file.once('finish', () => resolve()));
    doc.pipe(file);
    for (const carnet of carnets.slice(start, start + perFile)) drawCarnet(doc, carnet);
    doc.end();
    await done;
  }
}
