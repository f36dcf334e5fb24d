import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { contentSecurityPolicy } from './src/shared/security';

/**
 * The renderer build, shared by electron-vite (desktop) and `npm run build:web` (browser host, e2e tests), so
 * both ship the same bundle.
 */
/**
 * Puts the CSP into the built index.html too, so a page loaded from file:// is covered even where response
 * headers do not apply. Build only: the dev server needs inline scripts for hot reload.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'anjian-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  // Relative asset URLs so the same bundle loads from file:// (Electron) and http://127.0.0.1 (browser).
  base: './',
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 4000,
  },
};

export default defineConfig(rendererConfig);
