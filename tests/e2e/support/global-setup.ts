import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { preparePgliteSnapshot } from '#test/test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web app built for this run (index.html and assets/, precompressed). */
    e2eWebDir: string;
  }
}

/**
 * Runs once per `e2e` project run: builds the web app with the very build `npm run build` uses
 * (scripts/build.mjs) into a folder of its own under node_modules/.cache/e2e-web (two runs at once
 * must not empty each other's build), removed at the end, so each test file serves the current code.
 * E2E_WEB_DIR=<folder> skips the build and serves an existing one (fast reruns while writing tests).
 * Each file's embedded database starts from a migrated copy made here (tests/support/test-database.ts).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const snapshot = await preparePgliteSnapshot();
  project.provide('pgliteSnapshot', snapshot.file);
  const existing = process.env.E2E_WEB_DIR;
  if (existing) {
    project.provide('e2eWebDir', path.resolve(existing));
    return snapshot.remove;
  }
  const outDir = path.resolve('node_modules/.cache/e2e-web', `run-${process.pid}-${Date.now().toString(36)}`);
  // scripts/build.mjs is plain ESM without type declarations.
  const { buildWeb } = (await import(pathToFileURL(path.resolve('scripts/build.mjs')).href)) as { buildWeb(outDir: string): Promise<string> };
  const started = performance.now();
  await buildWeb(outDir);
  console.log(`e2e: built the web app into ${path.relative(process.cwd(), outDir)} in ${Math.round(performance.now() - started)} ms`);
  project.provide('e2eWebDir', outDir);
  return () => {
    snapshot.remove();
    rmSync(outDir, { recursive: true, force: true });
  };
}
