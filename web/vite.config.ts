/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress';
import { widgetLoader } from './build/widget-loader';
import { fileURLToPath } from 'node:url';

// The running stack's gateway, for the dev server's proxy (GOFTGU_GATEWAY=http://host:port to override).
const gateway = process.env.GOFTGU_GATEWAY ?? 'http://localhost:8080';

// The policy the gateway serves the bundle under; `npm run preview` serves the build with it, to catch violations.
const csp = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export default defineConfig({
  // widgetLoader: /widget.js, the guest widget's loader for other sites (docs/widget.md)
  plugins: [react(), widgetLoader(fileURLToPath(new URL('./widget/loader.ts', import.meta.url))), precompress()],
  resolve: {
    alias: {
      '@fonts': fileURLToPath(new URL('./node_modules/@fontsource-variable/vazirmatn/files', import.meta.url)),
    },
  },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // no inline data: URLs for scripts/fonts: everything is a file under /assets (CSP: font-src 'self')
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    rollupOptions: {
      // the dashboard, and the guest widget's iframe page (served at /widget/{slug} by the gateway's WidgetPage)
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        widget: fileURLToPath(new URL('./widget.html', import.meta.url)),
      },
    },
  },
  preview: {
    port: 4173,
    headers: { 'Content-Security-Policy': csp },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: gateway, changeOrigin: true },
      '/.well-known': { target: gateway, changeOrigin: true },
      '/ws': {
        target: gateway,
        ws: true,
        changeOrigin: true,
        // realtime-service checks Origin against an allowlist that names the gateway, not the dev server
        configure: (proxy) => {
          proxy.on('proxyReqWs', (proxyReq) => proxyReq.setHeader('Origin', new URL(gateway).origin));
        },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'widget/**/*.test.ts'],
  },
});
