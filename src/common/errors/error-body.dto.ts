import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from './global-exception.filter';

/** The one shape of every error answer (see GlobalExceptionFilter); `@ApiErrors` lists the codes per status. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ type: 'integer', example: 404, description: 'The HTTP status, repeated.' })
  statusCode: number;

  @ApiProperty({ type: 'string', example: 'NOT_FOUND', description: 'Machine-readable and stable: clients switch on it.' })
  code: string;

  @ApiProperty({ type: 'string', example: 'Order not found.', description: 'For people; may change.' })
  message: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Facts about the refusal, by code (e.g. `fields` for VALIDATION_FAILED, `retryAfterSeconds` for RATE_LIMITED).',
  })
  details?: Record<string, unknown>;

  @ApiProperty({ type: 'string', description: 'Quote it to support; also in the X-Request-Id header.' })
  requestId: string;
}
