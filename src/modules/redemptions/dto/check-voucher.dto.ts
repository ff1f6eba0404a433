import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { VoucherInputDto } from './voucher-input.dto';

export class CheckVoucherDto extends VoucherInputDto {
  @ApiPropertyOptional({
    type: 'string',
    description: 'Site where the beneficiary is (its commune decides the territory check); default: the venue itself.',
  })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}
