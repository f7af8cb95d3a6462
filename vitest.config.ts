import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1', TZ: 'UTC' },
  },
});
