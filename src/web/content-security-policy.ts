/**
 * The Content-Security-Policy of the web application's pages: everything from our own origin, nothing
 * from elsewhere (the application must work on a closed network), no inline script, no plug-in, no framing.
 * Add a source here only with the reason beside it.
 */
const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets the QR reader compile its WebAssembly (ZXing, served from our origin, see
  // web/src/venue/counter/camera/qr-detector.ts); it allows no eval() of JavaScript.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // react-dsfr's display settings write one of these two <style> elements (`:root { color-scheme: light; }`
  // or `dark`): allowed by their hashes, never by 'unsafe-inline'.
  'style-src': ["'self'", "'sha256-HzhUjVBe6Oi2wcxUM7bmy2Rp9VdLMHYDdYr9MalNmOY='", "'sha256-xVQ4mcypV0CvOtZpQgVcKpcoNvdUkR9BrwZBrtBbU+w='"],
  // DSFR's CSS draws some of its pictograms as data: URIs.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export const WEB_CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
