import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    conditions: ['spineqc-source'],
    // The dashboard's own alias for its src/ folder (Next.js convention, see apps/dashboard/tsconfig.json).
    alias: { '@/': fileURLToPath(new URL('./apps/dashboard/src/', import.meta.url)) },
  },
  // NestJS dependency injection reads TypeScript's legacy decorator metadata (as tsc emits it).
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    globals: false,
    include: [
      'apps/*/src/**/*.spec.ts',
      'libs/*/src/**/*.spec.ts',
      'apps/*/test/**/*.spec.ts',
      'libs/*/test/**/*.spec.ts',
      'test/**/*.spec.ts',
    ],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
