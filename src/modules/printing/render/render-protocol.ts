import type { CarnetPrintData } from './carnet-print-data';

/** Messages between a PdfRenderPool and its render threads. */
export interface RenderRequest {
  taskId: number;
  carnets: CarnetPrintData[];
  /** Write the PDF there (through `<path>.partial`, renamed when complete); without it, send the bytes back. */
  outputPath: string | null;
}

export type RenderReply =
  | { taskId: number; type: 'progress'; carnetsDone: number }
  | { taskId: number; type: 'done'; bytes: number; sha256: string; pdf: Uint8Array | null }
  | { taskId: number; type: 'error'; message: string };
