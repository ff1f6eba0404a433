export const FUNDING_REPORT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type FundingReportStatus = (typeof FUNDING_REPORT_STATUSES)[number];
