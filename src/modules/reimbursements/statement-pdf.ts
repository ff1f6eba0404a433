/**
 * The PDF of a reimbursement statement (relevé de contre-paiement), in French, A4: the venue, the
 * period, one line per chèque (scan date, serial, service, funder, amount), subtotals per funder
 * and the total. Lines are drawn as they stream in, yielding to the event loop every page so a long
 * statement never blocks the worker that renders it.
 */
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { formatDateTimeFr, formatEurosFr } from '../../common/export/french-csv';
import { serviceCategoryLabel } from '../venues/service-category';
import { formatStatementPeriod } from './statement-period.rules';
import type { FunderSubtotal, StatementHeader, StatementLine } from './statements.repository';

const MARGIN = 50;
const PAGE_HEIGHT = 841.89;
const LINE_HEIGHT = 14;
const BOTTOM = PAGE_HEIGHT - MARGIN - 20;

const COLUMNS = [
  { header: 'Date d’encaissement', width: 98, align: 'left' as const },
  { header: 'N° de chèque', width: 104, align: 'left' as const },
  { header: 'Service', width: 110, align: 'left' as const },
  { header: 'Financeur', width: 123, align: 'left' as const },
  { header: 'Montant', width: 60, align: 'right' as const },
];
const CELL_PADDING = 4;

const euros = (cents: number | string): string => `${formatEurosFr(Number(cents))} €`;

/** Height a row of cells needs: venues read every word, so a long service or funder name wraps in its cell instead of being cut. */
function rowHeight(doc: PDFKit.PDFDocument, cells: string[], bold = false): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
  const tallest = Math.max(...COLUMNS.map((column, index) => doc.heightOfString(cells[index], { width: column.width - CELL_PADDING })));
  return Math.max(LINE_HEIGHT, tallest + 3);
}

function drawRow(doc: PDFKit.PDFDocument, y: number, cells: string[], bold = false): number {
  const height = rowHeight(doc, cells, bold);
  let x = MARGIN;
  COLUMNS.forEach((column, index) => {
    doc.text(cells[index], x, y, { width: column.width - CELL_PADDING, align: column.align });
    x += column.width;
  });
  return height;
}

function drawTableHeader(doc: PDFKit.PDFDocument, y: number): number {
  const height = drawRow(
    doc,
    y,
    COLUMNS.map((column) => column.header),
    true,
  );
  doc
    .moveTo(MARGIN, y + height - 3)
    .lineTo(MARGIN + 495, y + height - 3)
    .lineWidth(0.5)
    .stroke();
  return y + height + 2;
}

/** Closes a full page with its footer and opens the next one; returns the new page's number. */
function turnPage(doc: PDFKit.PDFDocument, statementNumber: string, page: number): number {
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(`Relevé ${statementNumber} — page ${page}`, MARGIN, PAGE_HEIGHT - MARGIN, { lineBreak: false });
  doc.addPage();
  return page + 1;
}

export async function writeStatementPdf(
  output: Writable,
  header: StatementHeader,
  subtotals: FunderSubtotal[],
  lines: AsyncIterable<StatementLine>,
  issuedAt: Date,
): Promise<void> {
  const { statement } = header;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Relevé de contre-paiement ${statement.number}`, Author: 'Pass numérique', Subject: header.venueName },
  });
  doc.pipe(output);

  doc.font('Helvetica-Bold').fontSize(16).text('Pass numérique — Relevé de contre-paiement', MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(10).moveDown(0.3).text(`Relevé n° ${statement.number}`);
  doc.text(`Période : ${formatStatementPeriod(statement.periodStart, statement.periodEnd)}`);
  doc.moveDown(0.6).font('Helvetica-Bold').text('Lieu de médiation numérique');
  doc.font('Helvetica').text(header.venueName);
  if (header.venueSiret) doc.text(`SIRET : ${header.venueSiret}`);
  if (header.venueAddress) doc.text(header.venueAddress);
  if (header.venuePostalCode || header.venueCity) doc.text([header.venuePostalCode, header.venueCity].filter(Boolean).join(' '));
  doc.moveDown(0.6).text(`Nombre de chèques : ${statement.redemptionCount}    Montant total : ${euros(statement.totalCents)}`);
  doc.moveDown(0.8);

  let y = drawTableHeader(doc, doc.y);
  let page = 1;
  for await (const line of lines) {
    const cells = [
      formatDateTimeFr(line.scannedAt),
      line.serial,
      serviceCategoryLabel(line.serviceCategory),
      line.funderName,
      euros(line.valueCents),
    ];
    if (y + rowHeight(doc, cells) > BOTTOM) {
      page = turnPage(doc, statement.number, page);
      y = drawTableHeader(doc, MARGIN);
      await nextTurn();
    }
    y += drawRow(doc, y, cells);
  }

  const summaryHeight = (subtotals.length + 4) * LINE_HEIGHT;
  if (y + summaryHeight > BOTTOM) {
    page = turnPage(doc, statement.number, page);
    y = MARGIN;
  }
  y += 6;
  doc.font('Helvetica-Bold').fontSize(10).text('Total par financeur', MARGIN, y);
  y += LINE_HEIGHT + 2;
  for (const subtotal of subtotals) {
    doc.font('Helvetica').fontSize(9);
    const height = Math.max(LINE_HEIGHT, doc.heightOfString(subtotal.funderName, { width: 296 }) + 3);
    if (y + height > BOTTOM) {
      page = turnPage(doc, statement.number, page);
      y = MARGIN;
      doc.font('Helvetica').fontSize(9);
    }
    doc.text(subtotal.funderName, MARGIN, y, { width: 296 });
    doc.text(`${subtotal.count} chèque${subtotal.count > 1 ? 's' : ''}`, MARGIN + 300, y, { width: 90, lineBreak: false });
    doc.text(euros(subtotal.totalCents), MARGIN + 390, y, { width: 105, align: 'right', lineBreak: false });
    y += height;
  }
  doc
    .moveTo(MARGIN, y + 2)
    .lineTo(MARGIN + 495, y + 2)
    .lineWidth(0.5)
    .stroke();
  y += 8;
  doc.font('Helvetica-Bold').fontSize(10);
  doc.text('Total du relevé', MARGIN, y, { width: 300, lineBreak: false });
  doc.text(`${statement.redemptionCount} chèque${statement.redemptionCount > 1 ? 's' : ''}`, MARGIN + 300, y, {
    width: 90,
    lineBreak: false,
  });
  doc.text(euros(statement.totalCents), MARGIN + 390, y, { width: 105, align: 'right', lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(
      `Émis le ${formatDateTimeFr(issuedAt)} par la plateforme Pass numérique. Montants en euros, chèques d’une valeur faciale de 10 €. Relevé ${statement.number} — page ${page}`,
      MARGIN,
      PAGE_HEIGHT - MARGIN,
      { width: 495, lineBreak: false },
    );
  doc.end();
}
