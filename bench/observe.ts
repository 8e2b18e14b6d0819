import fs from 'node:fs/promises';
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
}

export interface Cost {
  /** CPU cores busy on average during the phase. */
  cores: { app: number; db: number; bench: number; registers: number; machine: number };
  /** Per request, in milliseconds of CPU. */
  cpuMsPerRequest: { app: number; db: number; bench: number };
  perRequest: { xacts: number; blksHit: number; blksRead: number; tupReturned: number; tupFetched: number };
}

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

  constructor(
    private readonly admin: pg.Client,
    private readonly registersPid: number,
  ) {}

  async snapshot(): Promise<Snapshot> {
    const own = process.cpuUsage();
    const { rows: pids } = await this.admin.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() or backend_type <> 'client backend'`,
    );
    const dbPids = new Map(await Promise.all(pids.map(async ({ pid }) => [pid, await cpuOf(pid)] as [number, number])));
    const [app, machine, registers, stats] = await Promise.all([
      this.appPid ? cpuOf(this.appPid) : Promise.resolve(0),
      machineCpu(),
      cpuOf(this.registersPid),
      this.admin.query<Record<string, string>>(
        `select xact_commit + xact_rollback as xacts, blks_hit, blks_read, tup_returned, tup_fetched, tup_inserted, tup_updated
           from pg_stat_database where datname = current_database()`,
      ),
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
    };
  }

  /** Runs a phase, counting its operations, and returns its result with its cost. */
  async measure<T>(run: (count: <A>(op: () => Promise<A>) => () => Promise<A>) => Promise<T>): Promise<T & { cost: Cost }> {
    const count =
      <A>(op: () => Promise<A>) =>
      () => {
        this.calls++;
        return op();
      };
    const before = await this.snapshot();
    const result = await run(count);
    const after = await this.snapshot();
    return { ...result, cost: Observer.cost(before, after) };
  }
}
