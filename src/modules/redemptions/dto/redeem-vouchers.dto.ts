import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { VoucherInputDto } from './voucher-input.dto';

/** One service, paid with one or several chèques: all are redeemed or none. */
export class RedeemVouchersDto {
  @ApiProperty({ type: 'string', description: 'One of the venue’s active services.' })
  @IsUUID()
  serviceId: string;

  @ApiPropertyOptional({ type: 'string', description: 'Site where the service takes place; default: the venue itself.' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiProperty({ type: [VoucherInputDto], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VoucherInputDto)
  vouchers: VoucherInputDto[];
}
