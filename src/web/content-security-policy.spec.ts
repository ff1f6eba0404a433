import { createHash } from 'node:crypto';
import { WEB_CONTENT_SECURITY_POLICY } from './content-security-policy';

const hashOf = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

describe('the web pages’ Content-Security-Policy', () => {
  it('allows our own origin only, with no inline script, no eval of JavaScript and no framing', () => {
    expect(WEB_CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(WEB_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(WEB_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|https?:|\*/);
  });

  it('lets scripts of our origin compile WebAssembly (the QR reader), and nothing more', () => {
    expect(WEB_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('allows exactly the two colour-scheme styles react-dsfr writes, by their hashes', () => {
    expect(WEB_CONTENT_SECURITY_POLICY).toContain(hashOf(':root { color-scheme: light; }'));
    expect(WEB_CONTENT_SECURITY_POLICY).toContain(hashOf(':root { color-scheme: dark; }'));
  });
});
