import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Box } from '../../src/modules/printing/render/carnet-document';

/**
 * Reads printed PDFs back as a person or a scanner would: pages rasterised by poppler's pdftoppm,
 * QR codes decoded by jsQR from the pixels, text extracted by pdftotext.
 */
function withPdfFile<T>(pdf: Buffer, work: (path: string, directory: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'pn-pdf-'));
  try {
    const path = join(directory, 'document.pdf');
    writeFileSync(path, pdf);
    return work(path, directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function pdfPageCount(pdf: Buffer): number {
  const info = withPdfFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  return Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
}

export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (path) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
}

export interface RasterPage {
  png: PNG;
  dpi: number;
}

/** One page (1-based) as pixels, as a home printer at `dpi` would put it on paper. */
export function rasterisePage(pdf: Buffer, page: number, dpi = 150): RasterPage {
  const png = withPdfFile(pdf, (path, directory) => {
    execFileSync('pdftoppm', [
      '-f',
      String(page),
      '-l',
      String(page),
      '-r',
      String(dpi),
      '-png',
      '-singlefile',
      path,
      join(directory, 'page'),
    ]);
    return PNG.sync.read(readFileSync(join(directory, 'page.png')));
  });
  return { png, dpi };
}

/** Decodes the QR code found inside `box` (points, from the top-left corner), or null when none reads. */
export function decodeQrIn({ png, dpi }: RasterPage, box: Box): string | null {
  const scale = dpi / 72;
  const x = Math.max(0, Math.floor(box.x * scale));
  const y = Math.max(0, Math.floor(box.y * scale));
  const width = Math.min(png.width - x, Math.ceil(box.width * scale));
  const height = Math.min(png.height - y, Math.ceil(box.height * scale));
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const start = ((y + row) * png.width + x) * 4;
    pixels.set(png.data.subarray(start, start + width * 4), row * width * 4);
  }
  return jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** Supertest body parser keeping a download as bytes (it would otherwise try to read a PDF as text). */
export function binary(response: import('supertest').Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The chèque codes printed on a carnet, as a person reads and types them, in coupon order. */
export function printedCodes(pdf: Buffer): string[] {
  return pdfText(pdf).match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g) ?? [];
}
