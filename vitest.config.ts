import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
  },
  resolve: { conditions: ['node'] },
});
