import { Global, Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditRepository], exports: [AuditService, AuditRepository] })
export class AuditModule {}
