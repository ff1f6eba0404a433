import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AuditRepository } from './audit.repository';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { PageOf } from '../common/http/page.dto';
import { AuditEventDto } from './dto/audit-event.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles('anct_admin')
  @ApiOkResponse({ type: PageOf(AuditEventDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@Query() query: ListAuditEventsQuery) {
    return this.audit.list(query);
  }
}
