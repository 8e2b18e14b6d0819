import { defineConfig } from 'vitest/config';

/**
 * Three tiers: `unit` (pure code and services that bring their own fixtures), `db-*`, the HTTP
 * integration tests, which run on embedded PGlite and — when TEST_DATABASE_URL is set — again
 * on a PostgreSQL server (on CI a missing server is a failure, not a skip), and `e2e`, journeys
 * in headless Chromium against the whole app built once per run (tests/e2e/support/).
 *
 * The first two tiers run two files at a time (one per core; each file runs the app and its
 * database in the worker's process); the browser journeys run after them, one file at a time.
 */
const onServer = Boolean(process.env.TEST_DATABASE_URL);
// Each run migrates its own template database; workers inherit the name through the environment.
process.env.TEST_TEMPLATE_DB ??= `aktivitetsplan_tpl_${process.pid}_${Date.now().toString(36)}`;
if (process.env.CI === 'true' && !onServer) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests must run on CI');
}

const integration = (name: string, db: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    env: { TEST_DB: db },
    globalSetup: ['tests/support/global-setup.ts'],
    // A worker runs its files one after another in one module graph (the server, PGlite's
    // WebAssembly) instead of loading it afresh for each file: half the time. Each file still
    // brings its own database and app; nothing here mocks modules or keeps state between files.
    isolate: false,
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on this 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      integration('db-pglite', 'pglite'),
      ...(onServer ? [integration('db-postgres', 'postgres')] : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // One file at a time, after the other projects (a later group): each file runs the app
          // and a Chromium, which together keep two cores busy.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
  resolve: { conditions: ['node'] },
});
