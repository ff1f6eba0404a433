import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ type: 'string', enum: ['ok'] })
  status: 'ok';
}

/** Terminus' answer: each dependency (postgres, redis) with its status. */
export class ReadinessDto {
  @ApiProperty({ type: 'string', enum: ['ok', 'error', 'shutting_down'] })
  status: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { postgres: { status: 'up' }, redis: { status: 'up' } } })
  info?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  error?: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;
}
