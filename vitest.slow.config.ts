import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * The slow suite (`pnpm test:slow`): OCR of whole scanned contracts and the
 * 20-contract mixed batch with memory and time measured. Kept out of the
 * default `pnpm test` so that CI stays well under 15 minutes.
 */
export default defineConfig({
  resolve: {
    alias: { '@clausier/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/**/*.slow.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    // One file at a time: OCR and the batch each want both cores, and measure better alone.
    fileParallelism: false,
  },
});
