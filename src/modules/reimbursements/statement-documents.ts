import { Injectable } from '@nestjs/common';
import { writeFrenchCsv } from '../../common/export/french-csv';
import { FileStorage } from '../../common/storage/file-storage';
import { TransactionRunner } from '../../database/transaction-runner';
import { STATEMENT_CSV_COLUMNS } from './statement-csv.columns';
import { writeStatementPdf } from './statement-pdf';
import { StatementsRepository } from './statements.repository';

/** Writes a statement's PDF and CSV to storage, from the same streamed lines. */
@Injectable()
export class StatementDocuments {
  constructor(
    private readonly statements: StatementsRepository,
    private readonly storage: FileStorage,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * False when another run holds the statement (it is writing its documents) or they are written. The
   * statement stays locked while its files are written: storage's temporary names are per file, so two
   * writers of one file must never overlap.
   */
  async render(statementId: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      if (!(await this.statements.lockWithoutDocuments(manager, statementId))) return false;
      const header = await this.statements.header(statementId);
      const subtotals = await this.statements.funderSubtotals(statementId);
      const base = `statements/${header.statement.number}`;
      await this.storage.write(`${base}.csv`, (output) =>
        writeFrenchCsv(STATEMENT_CSV_COLUMNS, this.statements.streamLines(statementId), output),
      );
      await this.storage.write(`${base}.pdf`, (output) =>
        writeStatementPdf(output, header, subtotals, this.statements.streamLines(statementId), new Date()),
      );
      await this.statements.setDocuments(manager, statementId, `${base}.pdf`, `${base}.csv`);
      return true;
    });
  }
}
