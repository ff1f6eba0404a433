import { documentedColumns } from '../../common/docs/documented-columns';
import { FUNNEL_COLUMNS, SUMMARY_COLUMNS } from './funding-report.columns';

// A client looks columns up by the names the documentation gives: one spelling, apostrophes included.
describe('funding report columns, as documented', () => {
  it.each([
    ['### Summary (*Synthèse*)', SUMMARY_COLUMNS],
    ['### Usage funnel (*Parcours*)', FUNNEL_COLUMNS],
  ] as const)('%s lists every header of the files, spelt as in the files', (heading, columns) => {
    expect(documentedColumns('reimbursements-and-reports.md', heading)).toEqual(columns.map((column) => column.header));
  });
});
