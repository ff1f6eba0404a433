import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress';

// The web application, built into web/dist and served by the API process on the same origin
// (src/web/web-app.ts). In development, `npm run dev:web` proxies the API to a running `npm start`.
export default defineConfig({
  plugins: [react(), precompress()],
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
