// Builds everything `npm start` serves into dist/: the server as one ESM bundle (dependencies
// stay in node_modules). The web app joins dist/web/ with the web issue.
import { build } from 'esbuild';

export async function buildAll() {
  const started = Date.now();
  await build({
    entryPoints: ['server/main.ts'],
    outfile: 'dist/server/main.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  console.log(`built dist/ in ${Date.now() - started} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}
