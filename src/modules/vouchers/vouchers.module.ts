import { Global, Module } from '@nestjs/common';
import { VoucherCodeSecrets } from './voucher-code-secrets';

@Global()
@Module({ providers: [VoucherCodeSecrets], exports: [VoucherCodeSecrets] })
export class VouchersModule {}
