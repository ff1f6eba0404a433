import { Injectable } from '@nestjs/common';
import { SigningKeysService } from '../signing/signing-keys.service';
import { signFlattenedJws, type FlattenedJws } from '../signing/jws';
import { SigningError } from '../signing/voucher-signature';
import { OppositionsRepository } from './oppositions.repository';

export const REVOCATION_LIST_FORMAT = 'pass-numerique/revocations/v1';
export const REVOCATION_LIST_JWS_TYPE = 'pn-revocations+json';

export interface RevocationList {
  format: typeof REVOCATION_LIST_FORMAT;
  issuedAt: string;
  /** Versions after this one are listed (exclusive). */
  since: string;
  /** Highest version in this page (= `since` when empty): the next `since`. */
  until: string;
  /** Highest version that exists now: the verifier is up to date once `until` reaches it. */
  latestVersion: string;
  hasMore: boolean;
  entries: { version: string; serial: string; reason: string; revokedAt: string; expiresAt: string }[];
}

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
