import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import {
  createVerificationKeyRing,
  signingKeyFromConfigEntry,
  toPublicJwk,
  type PublicJwk,
  type SigningKey,
  type VerificationKeyRing,
} from './key-ring';

/** The QR signing keys of the configuration: the one to sign with now, and the ring verifiers use. */
@Injectable()
export class SigningKeysService {
  private readonly keys: SigningKey[];
  readonly keyRing: VerificationKeyRing;

  constructor(config: AppConfig) {
    this.keys = config.SIGNING_KEYS.split(',').map((entry) => {
      const [keyId, material, notBefore, notAfter] = entry.split(':');
      return signingKeyFromConfigEntry(`${keyId}:${material}`, {
        notBefore: new Date(`${notBefore}T00:00:00Z`),
        notAfter: new Date(`${notAfter}T23:59:59Z`),
      });
    });
    this.keyRing = createVerificationKeyRing(this.keys);
  }

  /** The newest key already valid at `now` and still valid at `mustCoverUntil` (the chèque's last day). */
  signingKeyFor(now: Date, mustCoverUntil: Date): SigningKey | null {
    const candidates = this.keys
      .filter((key) => key.notBefore <= now && key.notAfter >= mustCoverUntil)
      .sort((a, b) => b.notBefore.getTime() - a.notBefore.getTime());
    return candidates[0] ?? null;
  }

  publicKeys(): PublicJwk[] {
    return this.keys.map(toPublicJwk);
  }
}
