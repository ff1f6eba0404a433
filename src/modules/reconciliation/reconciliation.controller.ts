import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { PaginationQuery } from '../../common/http/pagination.query';
import { ListAnomaliesQuery } from './dto/list-anomalies.query';
import { ReconciliationService } from './reconciliation.service';

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('reconciliation-runs')
@Roles('anct_admin')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post()
  @HttpCode(202)
  requestRun(@CurrentActor() actor: Actor) {
    return this.reconciliation.requestRun(actor);
  }

  @Get()
  listRuns(@Query() query: PaginationQuery) {
    return this.reconciliation.listRuns(query);
  }

  @Get(':id')
  getRun(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.reconciliation.getRun(id);
  }

  @Get(':id/anomalies')
  anomalies(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListAnomaliesQuery) {
    return this.reconciliation.anomalies(id, query);
  }
}
