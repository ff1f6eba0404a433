import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { VOUCHER_SECRET_MIN_BYTES } from './voucher-code.rules';

export interface VersionedSecret {
  version: number;
  secret: Buffer;
}

/** The code-derivation secrets of the configuration, by key version. */
@Injectable()
export class VoucherCodeSecrets {
  private readonly byVersion = new Map<number, Buffer>();
  readonly active: VersionedSecret;

  constructor(config: AppConfig) {
    for (const entry of config.VOUCHER_CODE_SECRETS.split(',')) {
      const [version, encoded] = entry.split(':');
      const secret = Buffer.from(encoded, 'base64');
      if (secret.length < VOUCHER_SECRET_MIN_BYTES) {
        throw new Error(`VOUCHER_CODE_SECRETS version ${version} is shorter than ${VOUCHER_SECRET_MIN_BYTES} bytes`);
      }
      this.byVersion.set(Number(version), secret);
    }
    const version = Math.max(...this.byVersion.keys());
    const secret = this.byVersion.get(version);
    // Only an empty setting leaves no version (Math.max() is -Infinity).
    if (!secret) throw new Error('VOUCHER_CODE_SECRETS holds no secret');
    this.active = { version, secret };
  }

  forVersion(version: number): Buffer {
    const secret = this.byVersion.get(version);
    if (!secret) throw new Error(`No voucher code secret for key version ${version}: keep retired secrets in VOUCHER_CODE_SECRETS`);
    return secret;
  }
}
