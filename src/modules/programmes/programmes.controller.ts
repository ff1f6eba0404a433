import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { CreateProgrammeDto } from './dto/create-programme.dto';
import { EnrolFunderDto } from './dto/enrol-funder.dto';
import { ListProgrammesQuery } from './dto/list-programmes.query';
import { UpdateProgrammeDto } from './dto/update-programme.dto';
import { ProgrammesService } from './programmes.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Roles('anct_admin')
  @UsersOnly()
  create(@Body() dto: CreateProgrammeDto) {
    return this.programmes.create(dto);
  }

  @Get()
  @Roles('anct_admin', 'funder_manager')
  list(@CurrentActor() actor: Actor, @Query() query: ListProgrammesQuery) {
    return this.programmes.list(actor, query);
  }

  @Get(':id')
  @Roles('anct_admin', 'funder_manager')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.programmes.get(actor, id);
  }

  @Patch(':id')
  @Roles('anct_admin')
  @UsersOnly()
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateProgrammeDto) {
    return this.programmes.update(id, dto);
  }

  @Post(':id/enrolments')
  @Roles('anct_admin')
  @UsersOnly()
  enrol(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: EnrolFunderDto) {
    return this.programmes.enrol(id, dto);
  }

  @Get(':id/enrolments')
  @Roles('anct_admin')
  listEnrolments(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.programmes.listEnrolments(id);
  }
}
