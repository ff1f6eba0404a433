import { expectCommittedSql } from '../../../../test/support/committed-sql';
import { RECONCILIATION_CHECKS } from '../reconciliation.checks';

describe('The reconciliation checks committed as SQL', () => {
  it('are in src/modules/reconciliation/sql/reconciliation-checks.sql exactly as the job runs them', () => {
    expectCommittedSql(
      'src/modules/reconciliation/sql/reconciliation-checks.sql',
      'src/modules/reconciliation/reconciliation.checks.ts (RECONCILIATION_CHECKS, in the order the job runs them)',
      RECONCILIATION_CHECKS.map((check) => ({ name: check.kind, sql: check.sql })),
    );
  });
});
