/**
 * Registers the Workbox service worker that vite-plugin-pwa builds (web/vite.config.ts): from the first
 * visit, the app shell is precached and the counter opens without network. Registered from our own
 * origin by this module, not by an inline script (the CSP forbids those).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
