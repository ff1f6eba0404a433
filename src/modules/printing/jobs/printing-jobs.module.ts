import { Module } from '@nestjs/common';
import { PrintRunRenderer } from '../print-run-renderer.service';
import { PrintRunsProcessor } from './print-runs.processor';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { PrintingModule } from '../printing.module';

@Module({ imports: [PrintingModule, OrganisationsModule], providers: [PrintRunsProcessor, PrintRunRenderer] })
export class PrintingJobsModule {}
