import { isIP } from 'node:net';

/** `TRUSTED_PROXIES` as a list: `''` → `[]`, `'10.0.0.5, 10.1.0.0/16'` → `['10.0.0.5', '10.1.0.0/16']`. */
export function parseProxyAddressList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Each entry an IPv4 or IPv6 address, optionally with a prefix length that fits its family. */
export function isProxyAddressList(value: string): boolean {
  return parseProxyAddressList(value).every((entry) => {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
}
