import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
// @ts-expect-error -- plain ESM script without type declarations
import { buildServer as bundleServer } from '../scripts/build.mjs';
import type { JWK } from 'jose';

/** Child processes of the benchmark (registers, app) and the token issuer's key endpoint. */
export const ROOT = path.resolve(import.meta.dirname, '..');

export interface Child {
  process: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

function spawnTs(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
}

export async function startRegisters(dataDir: string): Promise<Child & { personUrl: string; contactUrl: string }> {
  const child = spawnTs('bench/registers-main.ts', [dataDir], { ...process.env, NODE_ENV: 'production' });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    new Promise<string>((resolve) => lines.once('line', resolve)),
    once(child, 'exit').then(() => {
      throw new Error(`the register services did not start:\n${stderr.join('')}`);
    }),
  ]);
  const urls = JSON.parse(first) as { personUrl: string; contactUrl: string };
  return { process: child, pid: child.pid!, ...urls, stop: stopper(child) };
}

/** The bare Fastify + pg route of bare-main.ts, serving the given statement. */
export async function startBare(databaseUrl: string, statement: { sql: string; parameters: unknown[]; person: string }): Promise<Child & { url: string }> {
  const child = spawnTs('bench/bare-main.ts', [databaseUrl], { ...process.env, NODE_ENV: 'production' });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  child.stdin!.write(`${JSON.stringify(statement)}\n`);
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    new Promise<string>((resolve) => lines.once('line', resolve)),
    once(child, 'exit').then(() => {
      throw new Error(`the bare route did not start:\n${stderr.join('')}`);
    }),
  ]);
  return { process: child, pid: child.pid!, url: (JSON.parse(first) as { url: string }).url, stop: stopper(child) };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Bundles server/main.ts with the very build `npm start` uses (scripts/build.mjs), into bench/.data/build so that dist/ is left alone. Returns the file to run.
 */
export async function buildServer(): Promise<string> {
  const outfile = path.join(ROOT, 'bench', '.data', 'build', 'main.js');
  const previous = process.cwd();
  process.chdir(ROOT);
  try {
    return await bundleServer(outfile);
  } finally {
    process.chdir(previous);
  }
}

export interface AppOptions {
  /** The bundle from buildServer(). */
  bundle: string;
  mode: 'production' | 'development';
  databaseUrl: string;
  issuer: string;
  personUrl: string;
  contactUrl: string;
  dataDir: string;
  /** Where the app's notification worker sends e-mail and SMS (the bench's local sinks). */
  smtpUrl: string;
  smsUrl: string;
  /** Extra node options, e.g. --cpu-prof to profile the app. */
  nodeArgs?: string[];
}

/**
 * The real app (the bundle of server/main.ts) in its own process, as in production: NODE_ENV=production with the
 * benchmark as its external token issuer (JWKS), or NODE_ENV=development with the development
 * identity provider's key from the database (same tokens: the issuer is set to the same URL).
 */
export async function startApp(options: AppOptions): Promise<Child & { url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: options.mode,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    OIDC_ISSUER: options.issuer,
    DEV_IDP: options.mode === 'production' ? 'off' : 'on',
    DEMO_DATA: 'off',
    PERSON_REGISTER_URL: options.personUrl,
    CONTACT_REGISTER_URL: options.contactUrl,
    SMTP_URL: options.smtpUrl,
    SMS_URL: options.smsUrl,
    MAIL_FROM: 'ikke-svar@aktivitetsplan.bench',
    ...(options.mode === 'production' ? { OIDC_CLIENT_SECRET: 'benchmark-client-secret' } : {}),
  };
  // As `npm start` runs the build.
  const child = spawn(process.execPath, ['--enable-source-maps', ...(options.nodeArgs ?? []), options.bundle], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  // BENCH_APP_OUTPUT=<file> keeps everything the app prints (e.g. with --trace-gc in BENCH_APP_NODE_ARGS).
  const copy = process.env.BENCH_APP_OUTPUT ? createWriteStream(process.env.BENCH_APP_OUTPUT, { flags: 'a' }) : null;
  const keep = (d: Buffer) => {
    output.push(d.toString());
    output.splice(0, output.length - 200); // the tail is enough for an error message
    copy?.write(d);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', () => copy?.end());
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the app (${options.mode}) exited with ${child.exitCode}:\n${output.join('').slice(-3000)}`);
    }
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) {
      break;
    }
    if (Date.now() > deadline) {
      await stopper(child)();
      throw new Error(`the app (${options.mode}) was not ready within 120 s:\n${output.join('').slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { process: child, pid: child.pid!, url, stop: stopper(child) };
}

/** The benchmark as the app's token issuer: serves the public key at `${issuer}/jwks`. */
export async function startIssuer(publicJwk: JWK): Promise<{ issuer: string; close(): Promise<void> }> {
  const body = JSON.stringify({ keys: [publicJwk] });
  const server = http.createServer((request, response) => {
    if (request.url === '/oidc/jwks') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  // With a path: the development identity provider (development mode) mounts itself under it.
  const issuer = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/oidc`;
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
