import type { TestProject } from 'vitest/node';
import { dropTemplate, preparePgliteSnapshot, prepareTemplate } from './test-database.ts';

/**
 * Runs once per test project: migrates the server template when the project runs on PostgreSQL,
 * and an embedded database whose copy each test file starts from otherwise.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void> | void> {
  if (project.config.env?.TEST_DB !== 'postgres') {
    const snapshot = await preparePgliteSnapshot();
    project.provide('pgliteSnapshot', snapshot.file);
    return snapshot.remove;
  }
  await prepareTemplate();
  return dropTemplate;
}
