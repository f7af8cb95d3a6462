import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // builds dist/ (tsc + bundle) once, for the tests that run the real binary or the scripts
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1', TZ: 'UTC' },
  },
});
