import { CarnetsModule } from './modules/carnets/carnets.module';
import { OrdersModule } from './modules/orders/orders.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { ProgrammesModule } from './modules/programmes/programmes.module';
import { SigningModule } from './modules/signing/signing.module';
import { UsersModule } from './modules/users/users.module';
import { VouchersModule } from './modules/vouchers/vouchers.module';
import { PassesModule } from './modules/passes/passes.module';
import { OppositionsModule } from './modules/oppositions/oppositions.module';
import { PrintingModule } from './modules/printing/printing.module';

/** The business domains, shared by the API and the worker. */
export const DOMAIN_MODULES = [
  OrganisationsModule,
  UsersModule,
  VouchersModule,
  SigningModule,
  ProgrammesModule,
  OrdersModule,
  CarnetsModule,
  PassesModule,
  OppositionsModule,
  PrintingModule,
];
