import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without type declarations
import { buildWeb } from './build.mjs';

const before = process.env.NODE_ENV;
let outDir: string | undefined;
afterEach(async () => {
  if (before === undefined) {
    delete process.env.NODE_ENV;
  } else {
    process.env.NODE_ENV = before;
  }
  if (outDir) {
    await rm(outDir, { recursive: true, force: true });
  }
});

// `npm start` builds, then starts the server with the NODE_ENV it had: a build that left Vite's
// 'production' behind turned the development identity provider off and stopped a fresh start.
it('builds the web app with precompressed assets and leaves NODE_ENV as it was', async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'build-web-'));
  // As under `npm start` from a plain shell: no NODE_ENV at all.
  delete process.env.NODE_ENV;
  await buildWeb(outDir);
  expect(process.env.NODE_ENV).toBeUndefined();
  expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
  expect(existsSync(path.join(outDir, 'index.html.gz'))).toBe(true);
  expect(existsSync(path.join(outDir, 'boot.js'))).toBe(true);
}, 120_000);
