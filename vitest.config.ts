import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // builds dist/ (tsc + bundle) once, for the tests that run the real binary or the scripts
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // two files at a time on two cores (vitest's default keeps one free): most files wait on child processes
    // (the binary, LibreOffice, a pty) and on SQLite files, so two overlap. On a quiet machine the suite took
    // 132 s this way against 206 s one file at a time
    maxWorkers: 2,
    env: { WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1', TZ: 'UTC' },
  },
});
