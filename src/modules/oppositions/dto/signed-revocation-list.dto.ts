import { ApiProperty } from '@nestjs/swagger';

/** Flattened JWS JSON serialisation (RFC 7515 §7.2.2), alg EdDSA: verify with the key of `GET /public/signing-keys` named by `kid`. */
export class SignedRevocationListDto {
  @ApiProperty({ type: 'string', description: 'base64url of {"alg":"EdDSA","kid":…,"typ":"pn-revocations+json"}.' })
  protected: string;

  @ApiProperty({
    type: 'string',
    description:
      'base64url of the UTF-8 JSON list: {format, issuedAt, since, until, latestVersion, hasMore, entries: [{version, serial, reason, revokedAt, expiresAt}]}.',
  })
  payload: string;

  @ApiProperty({ type: 'string', description: 'base64url Ed25519 signature of `protected.payload`.' })
  signature: string;
}
