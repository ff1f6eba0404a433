import { Module } from '@nestjs/common';
import { FundingReportsRepository } from './funding-reports.repository';
import { FundingReportsController } from './funding-reports.controller';
import { FundingReportsService } from './funding-reports.service';

@Module({ controllers: [FundingReportsController], providers: [FundingReportsService, FundingReportsRepository], exports: [FundingReportsService, FundingReportsRepository] })
export class ReportsModule {}
