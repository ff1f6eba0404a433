import { Module } from '@nestjs/common';
import { OppositionsController } from './oppositions.controller';
import { OppositionsService } from './oppositions.service';
import { RevocationListController } from './revocation-list.controller';
import { RevocationListService } from './revocation-list.service';

@Module({ controllers: [OppositionsController, RevocationListController], providers: [OppositionsService, RevocationListService] })
export class OppositionsModule {}
