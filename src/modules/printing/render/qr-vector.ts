import QRCode from 'qrcode';

/** Modules of white margin around the symbol required by ISO/IEC 18004. */
export const QR_QUIET_ZONE_MODULES = 4;

/**
 * Draws a QR code as filled rectangles (vector), not a bitmap: sharp at any printer resolution and
 * small in the file. Dark modules are merged into horizontal runs, and identical runs on consecutive
 * rows into one taller rectangle, then filled as a single path. Level Q (25 % recovery) survives a
 * fold, a stain or a poor home printer, as the EU DCC chose.
 *
 * `size` includes the quiet zone; (x, y) is its top-left corner.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const count = modules.size;
  const moduleSize = size / (count + 2 * QR_QUIET_ZONE_MODULES);
  const originX = x + QR_QUIET_ZONE_MODULES * moduleSize;
  const originY = y + QR_QUIET_ZONE_MODULES * moduleSize;
  const data = modules.data;
  // Runs still growing downwards: key = start * 1024 + end, value = first row and height.
  let open = new Map<number, { row: number; height: number }>();
  const flush = (key: number, run: { row: number; height: number }) => {
    const start = Math.floor(key / 1024);
    const end = key % 1024;
    doc.rect(originX + start * moduleSize, originY + run.row * moduleSize, (end - start) * moduleSize, run.height * moduleSize);
  };
  for (let row = 0; row <= count; row++) {
    const next = new Map<number, { row: number; height: number }>();
    for (let column = 0; row < count && column < count; column++) {
      if (!data[row * count + column]) continue;
      const start = column;
      while (column < count && data[row * count + column]) column++;
      const key = start * 1024 + column;
      const previous = open.get(key);
      if (previous) {
        previous.height += 1;
        next.set(key, previous);
        open.delete(key);
      } else {
        next.set(key, { row, height: 1 });
      }
    }
    for (const [key, run] of open) flush(key, run);
    open = next;
  }
  doc.fillColor('black').fill();
}
