import { Global, Module } from '@nestjs/common';
import { SigningKeysController } from './signing-keys.controller';
import { SigningKeysService } from './signing-keys.service';
import { VoucherQrService } from './voucher-qr.service';

@Global()
@Module({
  controllers: [SigningKeysController],
  providers: [SigningKeysService, VoucherQrService],
  exports: [SigningKeysService, VoucherQrService],
})
export class SigningModule {}
