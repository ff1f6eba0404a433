import { Module } from '@nestjs/common';
import { OppositionsRepository } from './oppositions.repository';
import { OppositionsController } from './oppositions.controller';
import { OppositionsService } from './oppositions.service';
import { RevocationListController } from './revocation-list.controller';
import { RevocationListService } from './revocation-list.service';

@Module({
  controllers: [OppositionsController, RevocationListController],
  providers: [OppositionsService, RevocationListService, OppositionsRepository],
  exports: [OppositionsRepository],
})
export class OppositionsModule {}
