import { join, resolve } from 'node:path';
import type { AppConfig } from '../../config/app-config';

/** `<STORAGE_DIR>/print-runs/<run id>/carnets-001.pdf`: paths are built from ids only, never from client input. */
export function printRunFilePath(config: Pick<AppConfig, 'STORAGE_DIR'>, printRunId: string, fileName: string): string {
  return join(resolve(config.STORAGE_DIR), 'print-runs', printRunId, fileName);
}
