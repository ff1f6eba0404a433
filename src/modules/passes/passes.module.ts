import { Module } from '@nestjs/common';
import { PassesRepository } from './passes.repository';
import { PassesController } from './passes.controller';
import { PassesService } from './passes.service';

@Module({ controllers: [PassesController], providers: [PassesService, PassesRepository], exports: [PassesRepository] })
export class PassesModule {}
