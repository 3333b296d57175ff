import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the engine is pure, and views are tested through their pure helpers.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});
