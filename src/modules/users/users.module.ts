import { Module, forwardRef } from '@nestjs/common';
import { UsersRepository } from './users.repository';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [forwardRef(() => OrganisationsModule)],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}
