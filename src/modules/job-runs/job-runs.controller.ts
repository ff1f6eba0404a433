import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { ListJobRunsQuery } from './dto/list-job-runs.query';
import { JobRunsService } from './job-runs.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { JobRunDto } from './dto/job-run.dto';

@ApiTags('job-runs')
@ApiBearerAuth()
@Controller('job-runs')
@Roles('anct_admin')
export class JobRunsController {
  constructor(private readonly runs: JobRunsService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(JobRunDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@Query() query: ListJobRunsQuery) {
    return this.runs.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: JobRunDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.runs.get(id);
  }
}
