import { expectCommittedSql } from '../../../../test/support/committed-sql';
import { INSERT_FUNNEL_SQL, INSERT_SUMMARY_SQL, SUMMARY_SQL } from '../funding-report.sql';

describe('The funding report committed as SQL', () => {
  it('is in src/modules/reports/sql/funding-report.sql exactly as the job runs it', () => {
    expectCommittedSql('src/modules/reports/sql/funding-report.sql', 'src/modules/reports/funding-report.sql.ts', [
      { name: 'SUMMARY_SQL: the figures per funder, per département and for the whole scope ($1 programme, $2 funder or null)', sql: SUMMARY_SQL },
      { name: 'INSERT_SUMMARY_SQL: stores them for report $3', sql: INSERT_SUMMARY_SQL },
      { name: 'INSERT_FUNNEL_SQL: the usage funnel of report $3', sql: INSERT_FUNNEL_SQL },
    ]);
  });
});
