import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, normalize, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppConfig } from '../../config/app-config';

/**
 * Generated files (print runs, statements, reports) under STORAGE_DIR. Paths stored in the database are relative,
 * so the directory can move. A file is written under a temporary name and renamed when complete:
 * a reader never sees half a file, and a crash leaves no file that looks finished.
 */
@Injectable()
export class FileStorage {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.STORAGE_DIR);
  }

  absolutePath(relativePath: string): string {
    const normalised = normalize(relativePath);
    if (isAbsolute(normalised) || normalised.startsWith('..')) throw new Error(`Storage path escapes STORAGE_DIR: ${relativePath}`);
    return resolve(this.root, normalised);
  }

  /** `produce` writes into the stream and ends it (pipe, pipeline, writers' finish); returns the size written. */
  async write(relativePath: string, produce: (output: Writable) => Promise<void>): Promise<number> {
    const target = this.absolutePath(relativePath);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.part`;
    const output = createWriteStream(temporary);
    try {
      await produce(output);
      await finished(output);
      await rename(temporary, target);
      return (await stat(target)).size;
    } catch (error) {
      output.destroy();
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /** Size in bytes, or null when the file is not (or no longer) there. */
  async size(relativePath: string): Promise<number | null> {
    return stat(this.absolutePath(relativePath)).then(
      (stats) => stats.size,
      () => null,
    );
  }

  openRead(relativePath: string): ReadStream {
    return createReadStream(this.absolutePath(relativePath));
  }
}

