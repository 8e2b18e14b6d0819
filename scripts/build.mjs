// Builds everything `npm start` serves into dist/: the server as one ESM bundle (dependencies
// stay in node_modules) and the web app in dist/web/ (Vite), its assets precompressed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

const COMPRESSIBLE = /\.(js|css|json|svg|html|map)$/;

/** Writes .gz and .br twins beside each text asset, so the server sends them without compressing per request. */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(full);
    } else if (COMPRESSIBLE.test(entry.name) && !entry.name.endsWith('.map')) {
      const content = readFileSync(full);
      writeFileSync(`${full}.gz`, gzipSync(content, { level: 9 }));
      writeFileSync(`${full}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

/** Builds the web app into `outDir` (dist/web by default). */
export async function buildWeb(outDir = 'dist/web') {
  const { build: viteBuild } = await import('vite');
  // Vite sets process.env.NODE_ENV to 'production' for its build; the process that asked for the
  // build (npm start, the tests) keeps its own.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: path.resolve(outDir), emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) {
      delete process.env.NODE_ENV;
    } else {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  precompress(outDir);
  return outDir;
}

export async function buildAll() {
  const started = Date.now();
  await buildServer();
  await buildWeb();
  console.log(`built dist/ in ${Date.now() - started} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}
