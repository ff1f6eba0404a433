import { Module } from '@nestjs/common';
import { LedgerRepository } from './ledger.repository';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

@Module({ controllers: [LedgerController], providers: [LedgerService, LedgerRepository], exports: [LedgerRepository] })
export class LedgerModule {}
