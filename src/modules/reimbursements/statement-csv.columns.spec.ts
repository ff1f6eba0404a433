import { documentedColumns } from '../../common/docs/documented-columns';
import { STATEMENT_CSV_COLUMNS } from './statement-csv.columns';

describe('statement CSV columns', () => {
  it('are those the documentation lists, spelt as in the file', () => {
    expect(documentedColumns('reimbursements-and-reports.md', '### Statement documents')).toEqual(
      STATEMENT_CSV_COLUMNS.map((column) => column.header),
    );
  });

  it('show the service in French, never its code', () => {
    const [service] = STATEMENT_CSV_COLUMNS.filter((column) => column.header === 'Service');
    const line = {
      scannedAt: new Date(),
      serial: '2026-0042-000001-01',
      funderName: 'Département du Rhône',
      orderNumber: '2026-0042',
      valueCents: 1000,
    };
    expect(service.value({ ...line, serviceCategory: 'first_steps' })).toBe('Premiers pas avec le numérique');
    expect(service.value({ ...line, serviceCategory: 'smartphone' })).toBe('Smartphone et tablette');
  });
});
