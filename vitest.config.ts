import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['spineqc-source'] },
  test: {
    globals: false,
    include: ['apps/*/src/**/*.spec.ts', 'libs/*/src/**/*.spec.ts', 'apps/*/test/**/*.spec.ts'],
    pool: 'forks',
    testTimeout: 120_000,
  },
});
