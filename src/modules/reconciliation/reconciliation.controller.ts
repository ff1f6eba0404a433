import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { PaginationQuery } from '../../common/http/pagination.query';
import { ListAnomaliesQuery } from './dto/list-anomalies.query';
import { ReconciliationService } from './reconciliation.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { JobRunDto } from '../job-runs/dto/job-run.dto';
import { AnomalyDto } from './dto/anomaly.dto';

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('reconciliation-runs')
@Roles('anct_admin')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: JobRunDto })
  requestRun(@CurrentActor() actor: OrganisationActor) {
    return this.reconciliation.requestRun(actor);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(JobRunDto) })
  @ApiErrors('VALIDATION_FAILED')
  listRuns(@Query() query: PaginationQuery) {
    return this.reconciliation.listRuns(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: JobRunDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  getRun(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.reconciliation.getRun(id);
  }

  @Get(':id/anomalies')
  @ApiOkResponse({ type: PageOf(AnomalyDto) })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  anomalies(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListAnomaliesQuery) {
    return this.reconciliation.anomalies(id, query);
  }
}
