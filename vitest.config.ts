import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '@sras/engine': fileURLToPath(new URL('./packages/engine/src/index.ts', import.meta.url)),
  '@sras/import': fileURLToPath(new URL('./packages/import/src/index.ts', import.meta.url)),
};

// Two projects: the browser app runs under jsdom, the packages under plain Node,
// because the browser setup file breaks Node-only tests.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'packages',
          environment: 'node',
          include: ['packages/*/test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
