import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { PaginationQuery } from '../../common/http/pagination.query';
import { CreateProgrammeDto } from './dto/create-programme.dto';
import { EnrolFunderDto } from './dto/enrol-funder.dto';
import { ListProgrammesQuery } from './dto/list-programmes.query';
import { UpdateProgrammeDto } from './dto/update-programme.dto';
import { ProgrammesService } from './programmes.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { EnrolmentDto, ProgrammeDto } from './dto/programme.dto';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Roles('anct_admin')
  @UsersOnly()
  @ApiCreatedResponse({ type: ProgrammeDto })
  @ApiErrors('VALIDATION_FAILED', 'PROGRAMME_ALREADY_EXISTS')
  create(@Body() dto: CreateProgrammeDto) {
    return this.programmes.create(dto);
  }

  @Get()
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: PageOf(ProgrammeDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListProgrammesQuery) {
    return this.programmes.list(actor, query);
  }

  @Get(':id')
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.programmes.get(actor, id);
  }

  @Patch(':id')
  @Roles('anct_admin')
  @UsersOnly()
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'PROGRAMME_ALREADY_EXISTS')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateProgrammeDto) {
    return this.programmes.update(id, dto);
  }

  @Post(':id/enrolments')
  @Roles('anct_admin')
  @UsersOnly()
  @ApiCreatedResponse({ type: EnrolmentDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'UNKNOWN_FUNDER', 'FUNDER_ALREADY_ENROLLED', 'ENVELOPE_ABOVE_CAP')
  enrol(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: EnrolFunderDto) {
    return this.programmes.enrol(id, dto);
  }

  @Get(':id/enrolments')
  @Roles('anct_admin')
  @ApiOkResponse({ type: PageOf(EnrolmentDto) })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  listEnrolments(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PaginationQuery) {
    return this.programmes.listEnrolments(id, query);
  }
}
