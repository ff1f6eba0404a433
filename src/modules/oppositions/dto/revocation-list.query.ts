import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class RevocationListQuery {
  @ApiPropertyOptional({
    type: 'string',
    default: '0',
    example: '0',
    description: 'Return lines after this version (exclusive): the `until` of your last download.',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'since must be a version number' })
  since = '0';

  @ApiPropertyOptional({ type: 'integer', default: 1000, minimum: 1, maximum: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit = 1000;
}
