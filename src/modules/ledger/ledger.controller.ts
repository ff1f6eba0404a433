import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { LedgerScopeQuery } from './dto/ledger-scope.query';
import { ListLedgerEntriesQuery } from './dto/list-ledger-entries.query';
import { LedgerService } from './ledger.service';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
@Roles('anct_admin', 'funder_manager', 'venue_agent')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('balances')
  balances(@CurrentActor() actor: Actor, @Query() query: LedgerScopeQuery) {
    return this.ledger.balances(actor, query);
  }

  @Get('entries')
  entries(@CurrentActor() actor: Actor, @Query() query: ListLedgerEntriesQuery) {
    return this.ledger.entries(actor, query);
  }
}
