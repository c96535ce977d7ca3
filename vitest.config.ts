import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Three suites: fast unit tests, integration through the real wire with real AWS clients, and
// end-to-end tests in Chromium. `npm test` runs all three (scripts/test.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        // Component tests in test/unit/renderer import .vue files.
        plugins: [vue()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file starts its own lab server; two cores cannot take many at once.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          sequence: { groupOrder: 2 },
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
