import { Module } from '@nestjs/common';
import { PrintRunRenderer } from './print-run-renderer.service';
import { PrintRunsProcessor } from './print-runs.processor';
import { PrintingModule } from './printing.module';

@Module({ imports: [PrintingModule], providers: [PrintRunsProcessor, PrintRunRenderer] })
export class PrintingJobsModule {}
