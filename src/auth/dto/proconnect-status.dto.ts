import { ApiProperty } from '@nestjs/swagger';

export class ProConnectStatusDto {
  @ApiProperty({
    type: 'boolean',
    description: 'Whether sign-in with ProConnect is configured (the login page shows its button only then).',
  })
  enabled: boolean;
}
