import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { ListJobRunsQuery } from './dto/list-job-runs.query';
import { JobRunsService } from './job-runs.service';

@ApiTags('job-runs')
@ApiBearerAuth()
@Controller('job-runs')
@Roles('anct_admin')
export class JobRunsController {
  constructor(private readonly runs: JobRunsService) {}

  @Get()
  list(@Query() query: ListJobRunsQuery) {
    return this.runs.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.runs.get(id);
  }
}
