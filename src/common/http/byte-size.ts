export const BYTE_SIZE_PATTERN = /^(\d+)(b|kb|mb)$/;

const UNITS = { b: 1, kb: 1024, mb: 1024 * 1024 } as const;

/** `256kb` → 262144: the size settings are written as people write them, Fastify wants bytes. */
export function byteSize(setting: string): number {
  const match = BYTE_SIZE_PATTERN.exec(setting);
  if (!match) throw new Error(`not a size: ${setting} (expected e.g. 512b, 256kb or 2mb)`);
  return Number(match[1]) * UNITS[match[2] as keyof typeof UNITS];
}
