import { ApiProperty } from '@nestjs/swagger';
import { ANOMALY_KINDS, type AnomalyKind } from '../anomaly-kind';

/** A broken invariant found by a reconciliation run: listed, never silently fixed. */
export class AnomalyDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  runId: string;

  @ApiProperty({ type: 'string', enum: ANOMALY_KINDS })
  kind: AnomalyKind;

  @ApiProperty({ type: 'string', example: 'order' })
  objectType: string;

  @ApiProperty({ type: 'string' })
  objectId: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Identifiers of related objects (order, venue, statement…).' })
  related: Record<string, unknown>;

  @ApiProperty({ type: 'integer', nullable: true })
  expectedCents: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  actualCents: number | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;
}
