import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../service-category';

export class CreateVenueServiceDto {
  @ApiProperty({ type: 'string', example: 'Atelier « Faire ses démarches CAF en ligne »' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  label: string;

  @ApiProperty({ type: 'string', enum: SERVICE_CATEGORIES })
  @IsIn(SERVICE_CATEGORIES)
  category: ServiceCategory;

  @ApiProperty({ type: 'integer', example: 120, minimum: 15, maximum: 480 })
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 1,
    minimum: 1,
    maximum: 10,
    default: 1,
    description: 'Most chèques one session may take.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  maxVouchers?: number;
}
