// `npm start`: builds dist/ when it is missing or older than the sources, then runs the server.
// Without DATABASE_URL the server uses the embedded database in DATA_DIR (./data by default).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildAll } from './build.mjs';

const OUTPUT = 'dist/server/main.js';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestSource(full));
    } else if (!entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

const WEB_OUTPUT = 'dist/web/index.html';
const newest = Math.max(newestSource('server'), newestSource('common'), newestSource('web'));
const stale = [OUTPUT, WEB_OUTPUT].some((file) => !existsSync(file) || statSync(file).mtimeMs < newest);
if (stale) {
  await buildAll();
}
const child = spawn(process.execPath, ['--enable-source-maps', OUTPUT, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { NODE_ENV: 'development', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
