/**
 * The signed revocation list's document (docs/signed-qr-format.md §5), with no Node-only dependency:
 * the server signs it (revocation-list.service.ts) and the web counter checks it offline from this very module.
 */
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
