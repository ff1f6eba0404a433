import { ApiProperty } from '@nestjs/swagger';

export class ApiKeyDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', example: 'Logiciel de caisse' })
  name: string;

  @ApiProperty({ type: 'string', example: 'pnk_3fA9', description: 'First characters of the key, to recognise it.' })
  prefix: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastUsedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  revokedAt: Date | null;
}

/** The key itself is shown once, here: the platform keeps only its hash. */
export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ type: 'string', description: 'Send as `X-Api-Key` (or `Authorization: Bearer`). Shown only now.' })
  key: string;
}
