import { defineConfig } from 'vitest/config';

/**
 * Two tiers: `unit` (pure code and services that bring their own fixtures) and `db-*`, the HTTP
 * integration tests, which run on embedded PGlite and — when TEST_DATABASE_URL is set — again
 * on a PostgreSQL server. On CI a missing server is a failure, not a skip.
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
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['server/**/*.test.ts', 'common/**/*.test.ts'] } },
      integration('db-pglite', 'pglite'),
      ...(onServer ? [integration('db-postgres', 'postgres')] : []),
    ],
  },
  resolve: { conditions: ['node'] },
});
