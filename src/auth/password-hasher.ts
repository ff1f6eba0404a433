import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's memory-hard defaults (64 MiB, 3 passes). */
@Injectable()
export class PasswordHasher {
  // Verifying against a real hash when the e-mail is unknown keeps the timing of both failures alike.
  private readonly decoyHash = argon2.hash('decoy password that matches nothing', { type: argon2.argon2id });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? (await this.decoyHash);
    const matches = await argon2.verify(target, password).catch(() => false);
    return hash !== null && matches;
  }
}
