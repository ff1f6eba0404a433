import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ListStatementsQuery } from './dto/list-statements.query';
import { RequestStatementRunDto } from './dto/request-statement-run.dto';
import { StatementsService } from './statements.service';

@ApiTags('reimbursements')
@ApiBearerAuth()
@Controller()
export class ReimbursementsController {
  constructor(private readonly statements: StatementsService) {}

  @Post('reimbursement-statement-runs')
  @HttpCode(202)
  @Roles('anct_admin')
  requestRun(@CurrentActor() actor: Actor, @Body() dto: RequestStatementRunDto) {
    return this.statements.requestRun(actor, dto.periodEnd);
  }

  @Get('reimbursement-statements')
  @Roles('anct_admin', 'venue_agent')
  list(@CurrentActor() actor: Actor, @Query() query: ListStatementsQuery) {
    return this.statements.list(actor, query);
  }

  @Get('reimbursement-statements/:id')
  @Roles('anct_admin', 'venue_agent')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.statements.get(actor, id);
  }

  @Post('reimbursement-statements/:id/validate')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  validate(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.statements.validate(actor, id);
  }

  @Get('reimbursement-statements/:id/statement.pdf')
  @Roles('anct_admin', 'venue_agent')
  @ApiProduces('application/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    const { stream, fileName } = await this.statements.openDocument(actor, id, 'pdf');
    return new StreamableFile(stream, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }

  @Get('reimbursement-statements/:id/statement.csv')
  @Roles('anct_admin', 'venue_agent')
  @ApiProduces('text/csv')
  async csv(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    const { stream, fileName } = await this.statements.openDocument(actor, id, 'csv');
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
  }
}
