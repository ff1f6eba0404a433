import { Module } from '@nestjs/common';
import { FundingReportsController } from './funding-reports.controller';
import { FundingReportsService } from './funding-reports.service';

@Module({ controllers: [FundingReportsController], providers: [FundingReportsService], exports: [FundingReportsService] })
export class ReportsModule {}
