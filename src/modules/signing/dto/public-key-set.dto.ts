import { ApiProperty } from '@nestjs/swagger';

export class PublicJwkDto {
  @ApiProperty({ type: 'string', example: 'OKP' })
  kty: 'OKP';

  @ApiProperty({ type: 'string', example: 'Ed25519' })
  crv: 'Ed25519';

  @ApiProperty({ type: 'string', description: 'Public key, 32 bytes base64url.', example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })
  x: string;

  @ApiProperty({ type: 'string', description: 'Key id, as in the QR payload and the JWS header.', example: 'pn-2026' })
  kid: string;

  @ApiProperty({ type: 'string', example: 'sig' })
  use: 'sig';

  @ApiProperty({ type: 'number', description: 'Start of validity, seconds since 1970 (UTC).', example: 1767225600 })
  nbf: number;

  @ApiProperty({
    type: 'number',
    description: 'End of validity, seconds since 1970 (UTC): nothing signed by this key is accepted after it.',
    example: 2082758399,
  })
  exp: number;
}

export class PublicKeySetDto {
  @ApiProperty({ type: [PublicJwkDto] })
  keys: PublicJwkDto[];
}
