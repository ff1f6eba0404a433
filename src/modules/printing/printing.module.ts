import { Module } from '@nestjs/common';
import { CarnetPdfService } from './carnet-pdf.service';
import { CarnetPrintDataService } from './carnet-print-data.service';
import { PrintingController } from './printing.controller';
import { PrintRunsService } from './print-runs.service';
import { PdfRenderPool } from './render/pdf-render-pool';

@Module({
  controllers: [PrintingController],
  providers: [CarnetPdfService, CarnetPrintDataService, PrintRunsService, PdfRenderPool],
  exports: [CarnetPrintDataService, PdfRenderPool],
})
export class PrintingModule {}
