import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AuditRepository } from './audit.repository';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles('anct_admin')
  list(@Query() query: ListAuditEventsQuery) {
    return this.audit.list(query);
  }
}
