import { Injectable } from '@nestjs/common';
import { SigningKeysService } from '../signing/signing-keys.service';
import { signFlattenedJws, type FlattenedJws } from '../signing/jws';
import { SigningError } from '../signing/voucher-signature';
import { OppositionsRepository } from './oppositions.repository';

import { REVOCATION_LIST_FORMAT, REVOCATION_LIST_JWS_TYPE, type RevocationList } from './revocation-list.format';

export { REVOCATION_LIST_FORMAT, REVOCATION_LIST_JWS_TYPE, type RevocationList } from './revocation-list.format';

/** The signed, incremental list of cancelled chèques that venues' devices download to verify offline. */
@Injectable()
export class RevocationListService {
  constructor(
    private readonly oppositions: OppositionsRepository,
    private readonly signingKeys: SigningKeysService,
  ) {}

  async page(since: string, limit: number, now: Date = new Date()): Promise<FlattenedJws> {
    const key = this.signingKeys.signingKeyFor(now, now);
    if (!key) throw new SigningError('SIGNING_KEY_NOT_ACTIVE', 'No signing key is valid now: add one to SIGNING_KEYS.');
    // Read the latest version first and list up to it, so that `hasMore` and the entries describe one state.
    const latestVersion = await this.oppositions.latestRevocationVersion();
    const lines = await this.oppositions.revocationsBetween(since, latestVersion, limit);
    const until = lines.length > 0 ? lines[lines.length - 1].version : BigInt(since) > BigInt(latestVersion) ? latestVersion : since;
    const list: RevocationList = {
      format: REVOCATION_LIST_FORMAT,
      issuedAt: now.toISOString(),
      since,
      until,
      latestVersion,
      hasMore: BigInt(until) < BigInt(latestVersion),
      entries: lines.map((line) => ({
        version: line.version,
        serial: line.serial,
        reason: line.reason,
        revokedAt: line.revokedAt.toISOString(),
        expiresAt: line.expiresAt.toISOString(),
      })),
    };
    return signFlattenedJws(list, key, REVOCATION_LIST_JWS_TYPE);
  }
}
