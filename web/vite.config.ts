import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The web application, built into web/dist and served by the API process on the same origin
// (src/web/web-app.ts). In development, `npm run dev:web` proxies the API to a running `npm start`.
export default defineConfig({
  plugins: [
    react(),
    // The counter works without network (README, "Offline counter"): a Workbox service worker precaches the
    // app shell (built JS/CSS, index.html, DSFR's CSS, fonts and icons) and answers every page path with
    // index.html. API calls are never cached by it: the counter keeps what it needs offline in IndexedDB.
    VitePWA({
      // Registered by web/src/venue/offline/service-worker.ts (no inline script: the CSP forbids it).
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Pass numérique — Guichet',
        short_name: 'Guichet',
        description: 'Encaisser les chèques Pass numérique, même sans réseau.',
        lang: 'fr',
        start_url: '/guichet/encaisser',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#000091',
        // DSFR's favicon (the Marianne, web/public/dsfr/favicon/favicon.svg) rendered once at 192 and 512 px.
        icons: [
          { src: '/icons/guichet-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/guichet-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/guichet-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,ico,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/(api|health|admin)(\/|$)/],
        // index.html asks for DSFR's files with a version in the query (`dsfr.min.css?v=1.14.2`).
        ignoreURLParametersMatching: [/^v$/, /^hash$/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline script or data: module: the Content-Security-Policy allows scripts from our origin only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/admin': 'http://localhost:3000',
    },
  },
});
