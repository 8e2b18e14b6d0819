import fs from 'node:fs/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import type pg from 'pg';

/**
 * What a phase cost besides its latencies: CPU seconds of the app, the load generator (this
 * process), the register services, PostgreSQL (the bench database's backends and the server's
 * own processes) and the whole machine (/proc/stat, so other work on it shows), and the bench
 * database's counters from pg_stat_database. Backends flush those counters about once a second,
 * so per-request figures are approximate.
 */
export interface Snapshot {
  at: number;
  calls: number;
  cpu: { app: number; db: number; bench: number; registers: number; machine: number };
  dbPids: Map<number, number>;
  pg: { xacts: number; blksHit: number; blksRead: number; tupReturned: number; tupFetched: number; tupInserted: number; tupUpdated: number };
  gc: GcCounters;
}

/** The app's garbage collection so far, from its /metrics (nodejs_gc_duration_seconds). */
interface GcCounters {
  seconds: number;
  major: number;
  /** Pauses of 10 ms or more, and of 20 ms or more (any kind). */
  atLeast10ms: number;
  atLeast20ms: number;
}

const NO_GC: GcCounters = { seconds: 0, major: 0, atLeast10ms: 0, atLeast20ms: 0 };

/** Reads the GC histogram out of a Prometheus text exposition. */
export function gcCounters(metrics: string): GcCounters {
  const gc = { ...NO_GC };
  for (const line of metrics.split('\n')) {
    const m = /^nodejs_gc_duration_seconds_(sum|count|bucket)\{([^}]*)\} ([0-9.e+-]+)$/.exec(line);
    if (!m) {
      continue;
    }
    const [, part, labels, value] = m as unknown as [string, string, string, string];
    const le = /le="([^"]+)"/.exec(labels)?.[1];
    const v = Number(value);
    if (part === 'sum') {
      gc.seconds += v;
    } else if (part === 'count') {
      gc.major += labels.includes('kind="major"') ? v : 0;
      gc.atLeast10ms += v;
      gc.atLeast20ms += v;
    } else if (le === '0.01') {
      gc.atLeast10ms -= v;
    } else if (le === '0.02') {
      gc.atLeast20ms -= v;
    }
  }
  return gc;
}

export interface Cost {
  /** CPU cores busy on average during the phase. */
  cores: { app: number; db: number; bench: number; registers: number; machine: number };
  /** Per request, in milliseconds of CPU. */
  cpuMsPerRequest: { app: number; db: number; bench: number };
  perRequest: { xacts: number; blksHit: number; blksRead: number; tupReturned: number; tupFetched: number };
  /** The app's GC during the phase: milliseconds per second of the phase, major collections, pauses of ≥ 10 and ≥ 20 ms. */
  gc: { msPerSecond: number; major: number; atLeast10ms: number; atLeast20ms: number };
  /**
   * The load generator's own GC pauses of 10 ms or more, and the longest: requests fall due
   * during such a pause and leave late, and their latency (from the moment they were due) counts
   * the pause as if the app had been slow.
   */
  generatorGc: { atLeast10ms: number; maxMs: number };
}

/** GC pauses of this process (the load generator), from the moment the module loads. */
const generatorPauses: { at: number; ms: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.duration >= 10) {
      generatorPauses.push({ at: entry.startTime, ms: entry.duration });
    }
  }
}).observe({ entryTypes: ['gc'] });

const TICKS = 100;

async function cpuOf(pid: number): Promise<number> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** Busy CPU seconds of the whole machine (everything but idle and I/O wait). */
async function machineCpu(): Promise<number> {
  const line = (await fs.readFile('/proc/stat', 'utf8')).split('\n')[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number) as number[];
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS;
}

export class Observer {
  calls = 0;
  appPid = 0;
  appUrl = '';

  constructor(
    private readonly admin: pg.Client,
    private readonly registersPid: number,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /**
   * Waits until the app's outbox worker has handled every event that is due: a saturation phase
   * leaves thousands behind (message send: one per message), and the next phase would otherwise
   * measure the worker catching up. Gives up after `limitSeconds`.
   */
  async settle(limitSeconds = 300): Promise<void> {
    const started = performance.now();
    const due = async () =>
      (await this.admin.query<{ due: number }>(`select count(*)::int as due from outbox where "processedAt" is null and "availableAt" <= now()`)).rows[0]!.due;
    const first = await due();
    let left = first;
    while (left > 0 && performance.now() - started < limitSeconds * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      left = await due();
    }
    if (first > 0) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.log(`    (waited ${seconds} s for the outbox worker: ${first.toLocaleString('en-US')} events were due${left > 0 ? `, ${left} still are` : ''})`);
    }
  }

  async snapshot(): Promise<Snapshot> {
    const own = process.cpuUsage();
    const { rows: pids } = await this.admin.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() or backend_type <> 'client backend'`,
    );
    const dbPids = new Map(await Promise.all(pids.map(async ({ pid }) => [pid, await cpuOf(pid)] as [number, number])));
    const [app, machine, registers, stats, gc] = await Promise.all([
      this.appPid ? cpuOf(this.appPid) : Promise.resolve(0),
      machineCpu(),
      cpuOf(this.registersPid),
      this.admin.query<Record<string, string>>(
        `select xact_commit + xact_rollback as xacts, blks_hit, blks_read, tup_returned, tup_fetched, tup_inserted, tup_updated
           from pg_stat_database where datname = current_database()`,
      ),
      this.appUrl ? fetch(`${this.appUrl}/metrics`).then(async (r) => gcCounters(await r.text()), () => NO_GC) : Promise.resolve(NO_GC),
    ]);
    const row = stats.rows[0]!;
    return {
      at: performance.now(),
      calls: this.calls,
      cpu: { app, db: 0, bench: (own.user + own.system) / 1e6, registers, machine },
      dbPids,
      pg: {
        xacts: Number(row.xacts),
        blksHit: Number(row.blks_hit),
        blksRead: Number(row.blks_read),
        tupReturned: Number(row.tup_returned),
        tupFetched: Number(row.tup_fetched),
        tupInserted: Number(row.tup_inserted),
        tupUpdated: Number(row.tup_updated),
      },
      gc,
    };
  }

  static cost(before: Snapshot, after: Snapshot): Cost {
    const seconds = (after.at - before.at) / 1000;
    const calls = Math.max(1, after.calls - before.calls);
    // Backends that ended during the phase are missed; those that began count from zero.
    const db = [...after.dbPids].reduce((sum, [pid, cpu]) => sum + cpu - (before.dbPids.get(pid) ?? 0), 0);
    const d = (k: keyof Snapshot['cpu']) => (k === 'db' ? db : after.cpu[k] - before.cpu[k]);
    const p = (k: keyof Snapshot['pg']) => Math.round(((after.pg[k] - before.pg[k]) / calls) * 100) / 100;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      cores: {
        app: r2(d('app') / seconds),
        db: r2(d('db') / seconds),
        bench: r2(d('bench') / seconds),
        registers: r2(d('registers') / seconds),
        machine: r2(d('machine') / seconds),
      },
      cpuMsPerRequest: { app: r2((d('app') * 1000) / calls), db: r2((d('db') * 1000) / calls), bench: r2((d('bench') * 1000) / calls) },
      perRequest: { xacts: p('xacts'), blksHit: p('blksHit'), blksRead: p('blksRead'), tupReturned: p('tupReturned'), tupFetched: p('tupFetched') },
      gc: {
        msPerSecond: r2(((after.gc.seconds - before.gc.seconds) * 1000) / seconds),
        major: after.gc.major - before.gc.major,
        atLeast10ms: after.gc.atLeast10ms - before.gc.atLeast10ms,
        atLeast20ms: after.gc.atLeast20ms - before.gc.atLeast20ms,
      },
      generatorGc: (() => {
        const pauses = generatorPauses.filter((p) => p.at >= before.at && p.at < after.at);
        return { atLeast10ms: pauses.length, maxMs: r2(Math.max(0, ...pauses.map((p) => p.ms))) };
      })(),
    };
  }

  /** Runs a phase once the outbox is settled, counting its operations, and returns its result with its cost. */
  async measure<T>(run: (count: <A>(op: () => Promise<A>) => () => Promise<A>) => Promise<T>): Promise<T & { cost: Cost }> {
    const count =
      <A>(op: () => Promise<A>) =>
      () => {
        this.calls++;
        return op();
      };
    await this.settle();
    const before = await this.snapshot();
    const result = await run(count);
    const after = await this.snapshot();
    return { ...result, cost: Observer.cost(before, after) };
  }
}
