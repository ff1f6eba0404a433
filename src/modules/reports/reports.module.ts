import { Module } from '@nestjs/common';
import { FundingFiguresController } from './funding-figures.controller';
import { FundingFiguresService } from './funding-figures.service';
import { FundingReportsController } from './funding-reports.controller';
import { FundingReportsRepository } from './funding-reports.repository';
import { FundingReportsService } from './funding-reports.service';

@Module({
  controllers: [FundingReportsController, FundingFiguresController],
  providers: [FundingReportsService, FundingFiguresService, FundingReportsRepository],
  exports: [FundingReportsService, FundingReportsRepository],
})
export class ReportsModule {}
