import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadOrCreateSigningKeys } from '#server/auth/keys.ts';
import { systemClock } from '#server/clock.ts';
import { openDatabase } from '#server/db/database.ts';
import { startNotificationSinks } from '#server/notifications/dev-sinks.ts';
import { createHttpClient, type HttpClient } from './http-client.ts';
import { openModel, saturation, type Operation, type SaturationStep } from './load.ts';
import { Observer } from './observe.ts';
import { buildServer, ROOT, startApp, startBare, startIssuer, startRegisters } from './processes.ts';
import { fillRegisters, markRegistersFilled, registersFilledFor, type RegisterFill } from './registers.ts';
import { advisorAndReach, busyPool, conversations, sendMessage, threadList } from './dialog-scenarios.ts';
import { advisorTable, comparison, costs, headline, ratio, steps, TARGETS, type ModeResults } from './report.ts';
import { streamDelivery } from './streams.ts';
import { bareRead, changeStatus, createActivity, planRead, planReadRaw, planStatement } from './scenarios.ts';
import { warmCache } from './seed-keys.ts';
import { existingSeed, missingMigrations, reseed, type SeedInfo } from './seed.ts';
import { drawPool, mintTokens, statusCandidates, type PoolPerson } from './tokens.ts';
import { advisorPlanRead, planReadAudits, planReader, WORKSPACE_VARIANTS, workspaceList, workspaceToken } from './workspace-scenarios.ts';

/**
 * `npm run bench [-- --reseed] [--quick] [--production-only] [--dialog-only] [--workspace-only] [--plan-only] [--writes-only] [--seed-only]`: seeds (or reuses) the
 * benchmark database and registers, starts the real app as a child process, and measures the
 * plan read, the same SQL raw, and two writes (docs/architecture.md, "Tests and benchmarks").
 */
class SeedOnly extends Error {}
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/aktivitetsplan_bench';
const host = new URL(url).hostname;
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  throw new Error(`DATABASE_URL: the benchmark runs against a PostgreSQL server on this machine only, not ${host}`);
}
const DATA = path.join(ROOT, 'bench', '.data');
const REGISTERS = path.join(DATA, 'registers');
const POOL_SIZE = quick ? 2_000 : 20_000;
const STREAMS = quick ? 200 : 1_000;
const dialogOnly = args.has('--dialog-only');
const workspaceOnly = args.has('--workspace-only');
const planOnly = args.has('--plan-only');
const writesOnly = args.has('--writes-only');
const STEADY = quick ? { warmupSeconds: 1, seconds: 5 } : { warmupSeconds: 5, seconds: 25 };
const WORKSPACE_STEADY = quick ? { warmupSeconds: 1, seconds: 5 } : { warmupSeconds: 3, seconds: 20 };
const WRITE_STEADY = quick ? { warmupSeconds: 1, seconds: 5 } : { warmupSeconds: 3, seconds: 20 };
const STEP = quick ? { warmupSeconds: 0.5, seconds: 2 } : { warmupSeconds: 1, seconds: 5 };
const log = (line: string) => console.log(line);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

// One run at a time per database: two runs would disturb each other's figures and moves (409s).
const lock = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
await lock.connect();
const { rows: locked } = await lock.query<{ ok: boolean }>(`select pg_try_advisory_lock(hashtext('aktivitetsplan-bench:' || $1)) as ok`, [new URL(url).pathname]);
if (!locked[0]?.ok) {
  await lock.end();
  console.error(`another benchmark run is using ${new URL(url).pathname.slice(1)} right now; try again when it is done`);
  process.exit(3);
}
await fs.mkdir(DATA, { recursive: true });
if (args.has('--reseed')) {
  await fs.rm(REGISTERS, { recursive: true, force: true });
}
const registers = await startRegisters(REGISTERS);
// The app's worker delivers notifications (NAV messages after 30 min) to sinks that keep them in memory.
const sinks = await startNotificationSinks({ clock: systemClock });
const cleanups: (() => Promise<void>)[] = [() => lock.end(), () => registers.stop(), () => sinks.close()];
try {
  // 1. Seed: the database and the registers, reused when complete.
  let seed: SeedInfo | null = args.has('--reseed') ? null : await existingSeed(url);
  if (seed && missingMigrations(seed).length > 0) {
    log(`the kept seed predates migration ${missingMigrations(seed).join(', ')}: reseeding`);
    seed = null;
  }
  let fill: RegisterFill;
  if (!seed) {
    const [seeded, filled] = await Promise.all([reseed(url, { log }), fillRegisters(registers)]);
    [seed, fill] = [seeded, filled];
    await markRegistersFilled(REGISTERS, seed.seedId, fill);
  } else {
    const marker = await registersFilledFor(REGISTERS);
    if (marker?.seedId === seed.seedId) {
      fill = { reused: true, seconds: 0, persons: marker.persons, contacts: marker.contacts };
    } else {
      fill = await fillRegisters(registers);
      await markRegistersFilled(REGISTERS, seed.seedId, fill);
    }
  }
  log(`database: ${seed.reused ? 'reused' : 'seeded'} (seeding took ${seed.seconds.toFixed(1)} s); registers: ${fill.reused ? 'reused' : `filled in ${fill.seconds.toFixed(1)} s`}`);
  log(`rows: ${Object.entries(seed.counts).map(([t, c]) => `${t} ${c.toLocaleString('en-US')}`).join(', ')}`);
  if (args.has('--seed-only')) {
    process.exitCode = 0;
    throw new SeedOnly();
  }

  // 2. Tokens for persons drawn uniformly from all seeded persons, minted before measuring.
  const database = await openDatabase({ url, poolSize: 10 });
  cleanups.push(() => database.close());
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  cleanups.push(() => admin.end());
  // Notifications an earlier run scheduled (NAV messages notify 30 minutes later) would fall due in
  // the middle of this run's phases, and their delivery would be measured as this run's load.
  const leftOver = await admin.query(`update notification set status = 'CANCELLED', reason = 'BENCH_EARLIER_RUN', "updatedAt" = now() where status in ('PENDING', 'HELD')`);
  if (leftOver.rowCount) {
    log(`cancelled ${leftOver.rowCount.toLocaleString('en-US')} notifications an earlier run had scheduled`);
  }
  const keys = await loadOrCreateSigningKeys(database.db);
  const issuer = await startIssuer(keys.publicJwk);
  cleanups.push(() => issuer.close());
  const mintStarted = performance.now();
  const pool: PoolPerson[] = await mintTokens(keys, await drawPool(admin, POOL_SIZE), { issuer: issuer.issuer, audience: 'aktivitetsplan', ttlSeconds: 3 * 3600 });
  const mintSeconds = Math.round(performance.now() - mintStarted) / 1000;
  const candidates = await statusCandidates(admin, pool);
  const statement = await planStatement();
  const tokenOptions = { issuer: issuer.issuer, audience: 'aktivitetsplan', ttlSeconds: 3 * 3600 };
  const busy = await busyPool(admin, keys, tokenOptions);
  const talks = await conversations(admin, pool);
  const advisor = await advisorAndReach(admin, keys, talks, tokenOptions);
  const workspace = await workspaceToken(keys, tokenOptions);
  const reader = await planReader(admin, keys, pool, tokenOptions);
  log(`dialog: ${busy.length.toLocaleString('en-US')} persons with 203 messages; ${talks.length.toLocaleString('en-US')} general threads to write in`);
  log(`tokens: ${pool.length.toLocaleString('en-US')} persons (${pool.filter((p) => p.writable).length.toLocaleString('en-US')} may write) minted in ${mintSeconds} s; ${candidates.length.toLocaleString('en-US')} activities to move`);

  const warmStarted = performance.now();
  const warmBlocks = await warmCache(admin);
  // Earlier runs' writes are flushed before measuring; checkpoints during the run come on their own schedule.
  await admin.query('checkpoint');
  log(`page cache: read ${((warmBlocks * 8192) / 1e9).toFixed(1)} GB of tables and indexes, and checkpoint, in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);

  const observer = new Observer(admin, registers.pid, log);
  const onStep = (what: string) => (s: SaturationStep) =>
    log(`    ${what} c=${s.concurrency}: ${s.throughput}/s p50 ${s.p50} ms p99 ${s.p99} ms${s.errors ? ` ${s.errors} errors: ${s.errorSamples[0]}` : ''}`);
  const steady = (op: Operation, rate: number, window: typeof STEADY) => observer.measure((count) => openModel(count(op), { rate, ...window }));
  const saturate = (op: Operation, what: string) => observer.measure((count) => saturation(count(op), { ...STEP, onStep: onStep(what) }));

  const bundle = await buildServer();
  const modes: ('production' | 'development')[] = args.has('--production-only') || dialogOnly || workspaceOnly || planOnly || writesOnly ? ['production'] : ['production', 'development'];
  const results: Record<string, ModeResults> = {};
  const samples: Record<string, { plans: number; activitiesPerPlan: number; bytesPerPlan: number }> = {};
  const loads: Record<string, number[]> = {};
  for (const mode of modes) {
    loads[mode] = os.loadavg();
    log(`\n[${elapsed()}] app in NODE_ENV=${mode} (load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')})`);
    const app = await startApp({ bundle, mode, databaseUrl: url, issuer: issuer.issuer, personUrl: registers.personUrl, contactUrl: registers.contactUrl, dataDir: path.join(DATA, 'app'), smtpUrl: sinks.smtpUrl, smsUrl: sinks.smsUrl, ...(process.env.BENCH_APP_NODE_ARGS ? { nodeArgs: process.env.BENCH_APP_NODE_ARGS.split(' ') } : {}) });
    observer.appPid = app.pid;
    observer.appUrl = app.url;
    const http: HttpClient = createHttpClient(app.url, 128);
    try {
      samples[mode] = await sample(http, pool);
      const r: ModeResults = (results[mode] = {});
      if (mode === 'production' && !workspaceOnly && !planOnly && !writesOnly) {
        log(`  thread list (203 messages) at 200/s …`);
        r.threadListSteady = await steady(threadList(http, busy), 200, STEADY);
        log(`  message send at 50/s …`);
        r.messageSteady = await steady(sendMessage(http, talks), 50, WRITE_STEADY);
        log(`    slowest answer per second (ms): ${r.messageSteady.maxPerSecond?.join(' ')}`);
        log(`  message send saturation …`);
        r.messageSaturation = await saturate(sendMessage(http, talks), 'message send');
        log(`  ${STREAMS} open event streams, send → arrival at 50/s …`);
        r.streamDelivery = await observer.measure(() => streamDelivery(app.url, http, advisor.token, advisor.reach, { streams: STREAMS, rate: 50, ...WRITE_STEADY }));
        log(`    arrival p50 ${r.streamDelivery.p50} ms p99 ${r.streamDelivery.p99} ms, ${r.streamDelivery.lost} lost${r.streamDelivery.errors ? `, ${r.streamDelivery.errors} errors: ${r.streamDelivery.errorSamples.join('; ')}` : ''}`);
      }
      if (mode === 'production' && !dialogOnly && !planOnly && !writesOnly) {
        r.workspaceSteady = {};
        for (const variant of WORKSPACE_VARIANTS) {
          log(`  workspace list, office of 5,000, ${variant === 'NONE' ? 'no filter' : variant}, at 20/s …`);
          const s = (r.workspaceSteady[variant] = await steady(workspaceList(http, workspace, variant), 20, WORKSPACE_STEADY));
          log(`    p50 ${s.p50} ms p99 ${s.p99} ms${s.errors ? ` ${s.errors} errors: ${s.errorSamples[0]}` : ''}`);
        }
        const auditsBefore = await planReadAudits(admin);
        const answered = { count: 0 };
        log(`  advisor plan read (audited) at 200/s …`);
        r.advisorPlanSteady = await steady(advisorPlanRead(http, reader.token, reader.persons, answered), 200, STEADY);
        log(`    p50 ${r.advisorPlanSteady.p50} ms p99 ${r.advisorPlanSteady.p99} ms; slowest answer per second (ms): ${r.advisorPlanSteady.maxPerSecond?.join(' ')}`);
        log(`  advisor plan read saturation …`);
        r.advisorPlanSaturation = await saturate(advisorPlanRead(http, reader.token, reader.persons, answered), 'advisor plan read');
        r.advisorPlanAudit = { reads: answered.count, records: (await planReadAudits(admin)) - auditsBefore };
        log(`    ${r.advisorPlanAudit.records} audit records for ${r.advisorPlanAudit.reads} answered reads`);
      }
      if (dialogOnly || workspaceOnly) {
        continue;
      }
      if (!writesOnly) {
        log(`  plan read at 200/s …`);
        r.planSteady = await steady(planRead(http, pool), 200, STEADY);
        log(`    slowest answer per second (ms): ${r.planSteady.maxPerSecond?.join(' ')}`);
        log(`  plan read saturation …`);
        r.planSaturation = await saturate(planRead(http, pool), 'plan read');
        if (mode === 'production') {
          log(`  raw SQL saturation …`);
          r.rawSaturation = await saturate(planReadRaw(database.pool!, statement, pool), 'raw');
          log(`  raw SQL unnamed (planned on every execution), saturation …`);
          r.rawUnnamedSaturation = await saturate(planReadRaw(database.pool!, statement, pool, false), 'raw unnamed');
          log(`  bare Fastify route + pg, the same statement, saturation …`);
          const bare = await startBare(url, statement);
          try {
            r.bareSaturation = await saturate(bareRead(createHttpClient(bare.url, 128), pool), 'bare route');
          } finally {
            await bare.stop();
          }
        }
      }
      log(`  create at 100/s …`);
      r.createSteady = await steady(createActivity(http, pool), 100, WRITE_STEADY);
      log(`    slowest answer per second (ms): ${r.createSteady.maxPerSecond?.join(' ')}`);
      if (mode === 'production') {
        log(`  create saturation …`);
        r.createSaturation = await saturate(createActivity(http, pool), 'create');
      }
      const moves = changeStatus(http, candidates); // mutates candidates: versions carry over to the next mode
      log(`  status change at 100/s …`);
      r.statusSteady = await steady(moves, 100, WRITE_STEADY);
      log(`    slowest answer per second (ms): ${r.statusSteady.maxPerSecond?.join(' ')}`);
      if (mode === 'production') {
        log(`  status change saturation …`);
        r.statusSaturation = await saturate(moves, 'status change');
      }
    } finally {
      http.close();
      await app.stop();
    }
  }

  // 3. Report.
  const production = results.production!;
  const out: string[] = [];
  out.push(`\nSeed: ${seed.reused ? `reused (seeded earlier in ${seed.seconds.toFixed(1)} s)` : `${seed.seconds.toFixed(1)} s`}; ` +
    `${Object.entries(seed.counts).filter(([t]) => t !== 'databaseBytes').map(([t, c]) => `${t} ${c.toLocaleString('en-US')}`).join(', ')}; ` +
    `database ${(seed.counts.databaseBytes! / 1e9).toFixed(1)} GB; registers ${fill.persons.toLocaleString('en-US')} persons, ${fill.contacts.toLocaleString('en-US')} contacts`);
  out.push(`Plans sampled: ${samples.production!.activitiesPerPlan.toFixed(1)} activities, ${(samples.production!.bytesPerPlan / 1024).toFixed(1)} KiB per response\n`);
  out.push(`NODE_ENV=production (the app's production serializer; tokens from an external issuer's JWKS):`);
  out.push(headline(production));
  out.push(`\nThe advisor (issue 5): workspace list of NAV Bærum (5,000 persons; an advisor without rights, so protected persons are filtered out in SQL), and the plan read as an advisor:`);
  out.push(advisorTable(production));
  if (results.development) {
    out.push(`\nProduction against development (DEV_IDP=on, DEMO_DATA=off; responses validated against their zod schemas):`);
    out.push(comparison(production, results.development));
  }
  for (const [mode, r] of Object.entries(results)) {
    out.push(`\nWhere the time goes (${mode}; CPU from /proc, DB counters from pg_stat_database, approximate):`);
    out.push(costs(r));
  }
  out.push(`\nSaturation steps (production):`);
  out.push(steps('plan read', production.planSaturation), steps('raw SQL', production.rawSaturation), steps('raw unnamed', production.rawUnnamedSaturation), steps('bare route', production.bareSaturation));
  out.push(steps('create', production.createSaturation), steps('status change', production.statusSaturation), steps('message send', production.messageSaturation));
  out.push(steps('advisor plan read', production.advisorPlanSaturation));
  const totalSeconds = Math.round(performance.now() - started) / 1000;
  out.push(`\nWhole run: ${totalSeconds.toFixed(0)} s (2 cores shared by app, load generator and PostgreSQL; load average at start ${loads.production!.map((x) => x.toFixed(2)).join(' ')})`);
  log(out.join('\n'));

  const json = {
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverageBefore: loads },
    quick,
    targets: TARGETS,
    seed,
    registers: fill,
    pool: { persons: pool.length, writable: pool.filter((p) => p.writable).length, mintSeconds, statusCandidates: candidates.length },
    statement: statement.sql,
    samples,
    apiRawRatio: ratio(production),
    results,
    totalSeconds,
  };
  await fs.mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
  await fs.writeFile(path.join(ROOT, 'bench', 'results', quick ? 'quick.json' : dialogOnly ? 'dialog-latest.json' : workspaceOnly ? 'workspace-latest.json' : planOnly ? 'plan-latest.json' : writesOnly ? 'writes-latest.json' : 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
} catch (error) {
  if (!(error instanceof SeedOnly)) {
    throw error;
  }
} finally {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => console.error(error));
  }
}

/** Checks the endpoint answers before measuring, and what a plan looks like. */
async function sample(http: HttpClient, persons: PoolPerson[]) {
  let activities = 0;
  let bytes = 0;
  const plans = 50;
  for (let i = 0; i < plans; i++) {
    const person = persons[i]!;
    const reply = await http.send('GET', `/api/persons/${person.personId}/plan`, person.token, undefined, true);
    if (reply.status !== 200) {
      throw new Error(`plan read answered ${reply.status}: ${reply.body?.slice(0, 500)}`);
    }
    bytes += Buffer.byteLength(reply.body ?? '');
    activities += (JSON.parse(reply.body ?? '{}') as { activities: unknown[] }).activities.length;
  }
  return { plans, activitiesPerPlan: activities / plans, bytesPerPlan: bytes / plans };
}
