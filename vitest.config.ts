import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the engine is pure, and views are tested through their pure helpers.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Tests see the app fully loaded: lazy optimizer families, the expression compiler, all texts.
    setupFiles: ['src/test-setup.ts'],
    // Tests that start the CLI as a child process take seconds on a loaded 2-core machine; the
    // timeout only catches a hang (speed is measured by npm run bench, never by a test).
    testTimeout: 60_000,
  },
});
