import { useId, type ReactNode } from 'react';

export interface DataTableProps {
  caption: string;
  /** Column headers; the first names what each row is (its cells are row headers). */
  headers: string[];
  rows: ReactNode[][];
}

/**
 * A DSFR table (1.12+ markup) whose rows are headed by their first cell. Wide tables scroll sideways
 * inside their frame, which then takes the keyboard focus (named by the caption) so that it can be
 * scrolled without a mouse (RGAA 7.3; axe "scrollable-region-focusable").
 */
export function DataTable({ caption, headers, rows }: DataTableProps) {
  const captionId = `table-caption-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <div className="fr-table">
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0} role="region" aria-labelledby={captionId}>
          <div className="fr-table__content">
            <table>
              <caption id={captionId}>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((header) => (
                    <th key={header} scope="col">
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index}>
                    {row.map((cell, column) =>
                      column === 0 ? (
                        <th key={column} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={column}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
