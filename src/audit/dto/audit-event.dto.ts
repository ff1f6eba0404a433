import { ApiProperty } from '@nestjs/swagger';

/** One state change: who, when, on what, before and after. Append-only. */
export class AuditEventDto {
  @ApiProperty({ type: 'string', example: '1042', description: 'Identity of the row (a bigint, as a string); higher is newer.' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  occurredAt: Date;

  @ApiProperty({ type: 'string', example: 'user', description: 'user, api_key or system.' })
  actorKind: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  actorUserId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  actorApiKeyId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @ApiProperty({ type: 'string', example: 'Camille Martin' })
  actorLabel: string;

  @ApiProperty({ type: 'string', example: 'order.approved' })
  action: string;

  @ApiProperty({ type: 'string', example: 'order' })
  objectType: string;

  @ApiProperty({ type: 'string' })
  objectId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  objectOrganisationId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Amounts (`…Cents`) in integer cents.' })
  before: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;

  @ApiProperty({ type: 'string', nullable: true })
  requestId: string | null;
}
