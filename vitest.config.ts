import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { packageAliases } from './vite.config';

// Two projects: the browser app runs under jsdom, the packages under plain
// Node, because the browser setup file breaks Node-only tests.
export default defineConfig({
  resolve: { alias: packageAliases },
  test: {
    projects: [
      {
        resolve: { alias: packageAliases },
        test: {
          name: 'packages',
          environment: 'node',
          include: ['packages/*/test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: packageAliases },
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
