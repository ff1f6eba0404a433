import { Module } from '@nestjs/common';
import { CommunesController } from './communes.controller';

@Module({ controllers: [CommunesController] })
export class CommunesModule {}
