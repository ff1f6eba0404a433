import { Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream, ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, normalize, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppConfig } from '../../config/app-config';

/**
 * Generated files (print runs, statements, reports) under STORAGE_DIR. Paths stored in the database are relative,
 * so the directory can move. A file is written under a temporary name and renamed when complete:
 * a reader never sees half a file, and a crash leaves no file that looks finished. The temporary name
 * is fixed per file (`<name>.part`), so the attempt after a crash writes over what the killed one left
 * instead of leaving it forever; callers make sure one file has one writer at a time (one job per
 * print run or report, statements locked while written).
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
    const temporary = temporaryPath(target);
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

  /** Removes what an interrupted write of this file left (by this class or a render thread); the file itself stays. */
  async removeUnfinished(relativePath: string): Promise<void> {
    const target = this.absolutePath(relativePath);
    await Promise.all([temporaryPath(target), `${target}.partial`].map((path) => rm(path, { force: true })));
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

function temporaryPath(target: string): string {
  return `${target}.part`;
}
