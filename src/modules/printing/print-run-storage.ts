/** `print-runs/<run id>/carnets-001.pdf` under STORAGE_DIR: built from ids only, never from client input. */
export function printRunFilePath(printRunId: string, fileName: string): string {
  return `print-runs/${printRunId}/${fileName}`;
}
