import { Module } from '@nestjs/common';
import { PrintingRepository } from './printing.repository';
import { PrintRunsRepository } from './print-runs.repository';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CarnetPdfService } from './carnet-pdf.service';
import { CarnetPrintDataService } from './carnet-print-data.service';
import { PrintingController } from './printing.controller';
import { PrintRunsService } from './print-runs.service';
import { PdfRenderPool } from './render/pdf-render-pool';

@Module({
  imports: [OrganisationsModule],
  controllers: [PrintingController],
  providers: [CarnetPdfService, CarnetPrintDataService, PrintRunsService, PdfRenderPool, PrintingRepository, PrintRunsRepository],
  exports: [CarnetPrintDataService, PdfRenderPool, PrintingRepository, PrintRunsRepository],
})
export class PrintingModule {}
