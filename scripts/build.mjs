// Builds everything `npm start` serves into dist/: the server as one ESM bundle (dependencies
// stay in node_modules). The web app joins dist/web/ with the web issue.
import { build } from 'esbuild';

/** Bundles server/main.ts into `outfile`; the benchmark bundles the same way into its own folder. */
export async function buildServer(outfile = 'dist/server/main.js') {
  await build({
    entryPoints: ['server/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return outfile;
}

export async function buildAll() {
  const started = Date.now();
  await buildServer();
  console.log(`built dist/ in ${Date.now() - started} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}
