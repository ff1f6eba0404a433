import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { QUALIFICATION_DECISIONS, type QualificationDecision } from '../venues.rules';

export class QualificationDecisionDto {
  @ApiProperty({ type: 'string', enum: QUALIFICATION_DECISIONS })
  @IsIn(QUALIFICATION_DECISIONS)
  decision: QualificationDecision;

  @ApiPropertyOptional({ type: 'string', example: 'Charte non signée', description: 'Required to refuse, suspend or withdraw.' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason?: string;
}
