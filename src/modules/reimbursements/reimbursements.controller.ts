import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ListStatementsQuery } from './dto/list-statements.query';
import { RequestStatementRunDto } from './dto/request-statement-run.dto';
import { StatementsService } from './statements.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { ApiFile } from '../../common/http/api-file.decorator';
import { PageOf } from '../../common/http/page.dto';
import { JobRunDto } from '../job-runs/dto/job-run.dto';
import { StatementDto } from './dto/statement.dto';

@ApiTags('reimbursements')
@ApiBearerAuth()
@Controller()
export class ReimbursementsController {
  constructor(private readonly statements: StatementsService) {}

  @Post('reimbursement-statement-runs')
  @HttpCode(202)
  @Roles('anct_admin')
  @ApiAcceptedResponse({ type: JobRunDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_STATEMENT_PERIOD')
  requestRun(@CurrentActor() actor: OrganisationActor, @Body() dto: RequestStatementRunDto) {
    return this.statements.requestRun(actor, dto.periodEnd);
  }

  @Get('reimbursement-statements')
  @Roles('anct_admin', 'venue_agent')
  @ApiOkResponse({ type: PageOf(StatementDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListStatementsQuery) {
    return this.statements.list(actor, query);
  }

  @Get('reimbursement-statements/:id')
  @Roles('anct_admin', 'venue_agent')
  @ApiOkResponse({ type: StatementDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.statements.get(actor, id);
  }

  @Post('reimbursement-statements/:id/validate')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  @ApiOkResponse({ type: StatementDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  validate(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.statements.validate(actor, id);
  }

  @Get('reimbursement-statements/:id/statement.pdf')
  @Roles('anct_admin', 'venue_agent')
  @ApiFile('application/pdf', 'The statement, printable (A4, French).')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'STATEMENT_DOCUMENTS_NOT_READY')
  async pdf(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    const { stream, fileName } = await this.statements.openDocument(actor, id, 'pdf');
    return new StreamableFile(stream, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }

  @Get('reimbursement-statements/:id/statement.csv')
  @Roles('anct_admin', 'venue_agent')
  @ApiFile('text/csv', 'The redemptions of the statement (French CSV: semicolons, UTF-8 with BOM).')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'STATEMENT_DOCUMENTS_NOT_READY')
  async csv(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    const { stream, fileName } = await this.statements.openDocument(actor, id, 'csv');
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
  }
}
