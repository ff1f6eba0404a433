import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { LedgerScopeQuery } from './dto/ledger-scope.query';
import { ListLedgerEntriesQuery } from './dto/list-ledger-entries.query';
import { LedgerService } from './ledger.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { LedgerSummaryDto } from './dto/ledger-balances.dto';
import { LedgerEntryDto } from './dto/ledger-entry.dto';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
@Roles('anct_admin', 'funder_manager', 'venue_agent')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('balances')
  @ApiOkResponse({ type: LedgerSummaryDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  balances(@CurrentActor() actor: OrganisationActor, @Query() query: LedgerScopeQuery) {
    return this.ledger.balances(actor, query);
  }

  @Get('entries')
  @ApiOkResponse({ type: PageOf(LedgerEntryDto) })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  entries(@CurrentActor() actor: OrganisationActor, @Query() query: ListLedgerEntriesQuery) {
    return this.ledger.entries(actor, query);
  }
}
