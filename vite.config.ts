import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './src/app/offline/service-worker.plugin';

export const packageAliases = {
  '@sras/engine': fileURLToPath(new URL('./packages/engine/src/index.ts', import.meta.url)),
  '@sras/import': fileURLToPath(new URL('./packages/import/src/index.ts', import.meta.url)),
};

export default defineConfig({
  plugins: [react(), serviceWorkerPlugin()],
  resolve: { alias: packageAliases },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
