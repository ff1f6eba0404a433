import { expectCommittedSql } from '../../../../test/support/committed-sql';
import {
  FIGURES_FUNNEL_SQL,
  FIGURES_SUMMARY_SQL,
  FUNNEL_SQL,
  INSERT_FUNNEL_SQL,
  INSERT_SUMMARY_SQL,
  SUMMARY_SQL,
} from '../funding-report.sql';

describe('The funding report committed as SQL', () => {
  it('is in src/modules/reports/sql/funding-report.sql exactly as the job runs it', () => {
    expectCommittedSql('src/modules/reports/sql/funding-report.sql', 'src/modules/reports/funding-report.sql.ts', [
      {
        name: 'SUMMARY_SQL: the figures per funder, per département and for the whole scope ($1 programme, $2 funder or null, $3 département or null)',
        sql: SUMMARY_SQL,
      },
      { name: 'INSERT_SUMMARY_SQL: stores them for report $4', sql: INSERT_SUMMARY_SQL },
      { name: 'FUNNEL_SQL: the usage funnel by month (same parameters)', sql: FUNNEL_SQL },
      { name: 'INSERT_FUNNEL_SQL: stores it for report $4', sql: INSERT_FUNNEL_SQL },
      { name: 'FIGURES_SUMMARY_SQL: the live figures of the dashboards, in the report order', sql: FIGURES_SUMMARY_SQL },
      { name: 'FIGURES_FUNNEL_SQL: the live usage funnel of the dashboards', sql: FIGURES_FUNNEL_SQL },
    ]);
  });
});
