import { Module } from '@nestjs/common';
import { FundingFiguresController } from './funding-figures.controller';
import { FundingFiguresService } from './funding-figures.service';
import { FundingReportsController } from './funding-reports.controller';
import { FundingReportsService } from './funding-reports.service';

@Module({ controllers: [FundingReportsController, FundingFiguresController], providers: [FundingReportsService, FundingFiguresService], exports: [FundingReportsService] })
export class ReportsModule {}
