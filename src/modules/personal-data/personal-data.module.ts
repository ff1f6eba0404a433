import { Module } from '@nestjs/common';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataService } from './personal-data.service';

@Module({ controllers: [PersonalDataController], providers: [PersonalDataService, PersonalDataRepository], exports: [PersonalDataService] })
export class PersonalDataModule {}
