import type { TestProject } from 'vitest/node';
import { dropTemplate, prepareTemplate } from './test-database.ts';

/** Runs once per test project: migrates the server template when the project runs on PostgreSQL. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (project.config.env?.TEST_DB !== 'postgres') {
    return undefined;
  }
  await prepareTemplate();
  return dropTemplate;
}
