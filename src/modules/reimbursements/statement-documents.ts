import { Injectable } from '@nestjs/common';
import { writeFrenchCsv } from '../../common/export/french-csv';
import { FileStorage } from '../../common/storage/file-storage';
import { STATEMENT_CSV_COLUMNS } from './statement-csv.columns';
import { writeStatementPdf } from './statement-pdf';
import { StatementsRepository } from './statements.repository';

/** Writes a statement's PDF and CSV to storage, from the same streamed lines. */
@Injectable()
export class StatementDocuments {
  constructor(
    private readonly statements: StatementsRepository,
    private readonly storage: FileStorage,
  ) {}

  async render(statementId: string): Promise<void> {
    const header = await this.statements.header(statementId);
    const subtotals = await this.statements.funderSubtotals(statementId);
    const base = `statements/${header.statement.number}`;
    await this.storage.write(`${base}.csv`, (output) => writeFrenchCsv(STATEMENT_CSV_COLUMNS, this.statements.streamLines(statementId), output));
    await this.storage.write(`${base}.pdf`, (output) =>
      writeStatementPdf(output, header, subtotals, this.statements.streamLines(statementId), new Date()),
    );
    await this.statements.setDocuments(statementId, `${base}.pdf`, `${base}.csv`);
  }
}
