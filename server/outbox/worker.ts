import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Clock } from '#server/clock.ts';
import type { Db, Tx } from '#server/db/database.ts';
import type { OutboxTopic } from './outbox.repository.ts';

/**
 * The outbox worker. Every app instance runs one: each event is claimed with `FOR UPDATE SKIP
 * LOCKED`, so two instances never take the same row, and its handler runs in the claiming
 * transaction (under a savepoint), so the handler's writes and "processed" commit together (an
 * event is handled once, or retried whole). Modules register handlers per topic and periodic jobs; this file knows no
 * feature.
 *
 * Time: the timer ticks in real time (unref'd, so it never keeps the process alive), but every
 * "is it due" question asks the app's Clock, so tests move a ManualClock and call runOnce().
 */
export interface OutboxEvent {
  id: number;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  /** When the change happened, by the app's clock. */
  createdAt: Date;
  attempts: number;
}

/** Runs in the claiming transaction; throwing rolls its writes back and retries the event later. */
export type OutboxHandler = (tx: Tx, event: OutboxEvent, now: Date) => Promise<void>;

export interface Job {
  name: string;
  /** Real milliseconds between runs on the timer; 0 runs on every tick. runOnce() runs every job. */
  everyMs: number;
  run(now: Date): Promise<void>;
}

/** What the worker logs: ids, topics and error classes, never payloads or personal data. */
export interface WorkerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  db: Db;
  clock: Clock;
  log: WorkerLog;
  /** Real milliseconds between ticks of the timer. */
  intervalMs: number;
  /** Most events one tick handles before it lets other work in (PGlite has one connection). */
  batchSize?: number;
}

export interface RunSummary {
  handled: number;
  failed: number;
}

export interface Worker {
  handle(topic: OutboxTopic, handler: OutboxHandler): void;
  addJob(job: Job): void;
  /** Handles every available event, then runs every job once. For tests and the timer alike. */
  runOnce(): Promise<RunSummary>;
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

const DEFAULT_BATCH_SIZE = 200;
/** Events handled in one transaction (one commit); small, so a batch holds PGlite's one connection only briefly. */
const EVENTS_PER_TRANSACTION = 20;
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 60 * 60_000;

/** 10 s, 20 s, 40 s, … up to an hour: a broken handler is retried, never dropped. */
export function outboxRetryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** The error's class and message, cut short; handlers deal in ids, so no personal data reaches here. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`.slice(0, 300);
  }
  return 'non-error thrown';
}

export function createWorker(options: WorkerOptions): Worker {
  const { db, clock, log } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const handlers = new Map<string, OutboxHandler>();
  const jobs: Array<Job & { lastRunAt: number }> = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // One run at a time in this instance: the timer and a test's runOnce() take turns.
  let current: Promise<unknown> = Promise.resolve();

  /**
   * Claims up to `size` events in one transaction and handles each under a savepoint: a failing
   * handler's writes roll back to its savepoint and its event is rescheduled, the others commit.
   * One commit per batch instead of one per event: every commit waits for the WAL to reach disk,
   * and at 50 messages a second the worker's commits would otherwise double the requests' own.
   */
  async function handleBatch(size: number, summary: RunSummary): Promise<number> {
    const now = clock.now();
    const failures: Array<{ event: OutboxEvent; error: unknown }> = [];
    const claimed = await db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('outbox')
        .select(['id', 'topic', 'aggregateId', 'payload', 'createdAt', 'attempts'])
        .where('processedAt', 'is', null)
        .where('availableAt', '<=', now)
        .orderBy('id')
        .limit(size)
        .forUpdate()
        .skipLocked()
        .execute();
      const done: number[] = [];
      for (const row of rows) {
        // A topic nobody handles is marked processed too: the outbox is not a backlog of the unheard.
        const handler = handlers.get(row.topic);
        if (!handler) {
          done.push(row.id);
          continue;
        }
        await sql`savepoint outbox_event`.execute(tx);
        try {
          await handler(tx, row, now);
          await sql`release savepoint outbox_event`.execute(tx);
          done.push(row.id);
        } catch (error) {
          await sql`rollback to savepoint outbox_event`.execute(tx);
          failures.push({ event: row, error });
          const attempts = row.attempts + 1;
          await tx
            .updateTable('outbox')
            .set({ attempts, lastError: describeError(error), availableAt: new Date(now.getTime() + outboxRetryDelayMs(attempts)) })
            .where('id', '=', row.id)
            .execute();
        }
      }
      if (done.length > 0) {
        await tx.updateTable('outbox').set({ processedAt: now, lastError: null }).where('id', 'in', done).execute();
      }
      return rows.length;
    });
    for (const { event, error } of failures) {
      log.error({ outboxId: event.id, topic: event.topic, attempts: event.attempts + 1, err: describeError(error) }, 'outbox handler failed; retried later');
    }
    summary.failed += failures.length;
    summary.handled += claimed - failures.length;
    return claimed;
  }

  async function drain(limit: number): Promise<RunSummary> {
    const summary: RunSummary = { handled: 0, failed: 0 };
    let taken = 0;
    while (taken < limit && !stopped) {
      const size = Math.min(EVENTS_PER_TRANSACTION, limit - taken);
      const claimed = await handleBatch(size, summary);
      taken += claimed;
      if (claimed < size) {
        break;
      }
      // Lets waiting requests have the (single, on PGlite) connection between batches.
      await nextTurn();
    }
    return summary;
  }

  async function runJob(job: Job & { lastRunAt: number }): Promise<void> {
    job.lastRunAt = Date.now();
    try {
      await job.run(clock.now());
    } catch (error) {
      log.error({ job: job.name, err: describeError(error) }, 'worker job failed');
    }
  }

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = current.then(work, work);
    current = next.catch(() => undefined);
    return next;
  }

  async function tick(): Promise<void> {
    // A full run means more may be waiting (a burst of messages): the next run starts at once
    // instead of after the interval, so the worker keeps up with any rate the app can write.
    let more = false;
    try {
      await exclusive(async () => {
        const summary = await drain(batchSize);
        more = summary.handled + summary.failed >= batchSize;
        for (const job of jobs) {
          if (!stopped && Date.now() - job.lastRunAt >= job.everyMs) {
            await runJob(job);
          }
        }
      });
    } catch (error) {
      log.error({ err: describeError(error) }, 'worker tick failed');
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), more ? 0 : options.intervalMs);
      timer.unref();
    }
  }

  return {
    handle(topic, handler) {
      if (handlers.has(topic)) {
        throw new Error(`a handler for ${topic} is already registered`);
      }
      handlers.set(topic, handler);
    },
    addJob(job) {
      jobs.push({ ...job, lastRunAt: 0 });
    },
    runOnce() {
      return exclusive(async () => {
        const total: RunSummary = { handled: 0, failed: 0 };
        for (;;) {
          const summary = await drain(batchSize);
          total.handled += summary.handled;
          total.failed += summary.failed;
          if (summary.handled + summary.failed < batchSize || stopped) {
            break;
          }
        }
        for (const job of jobs) {
          if (!stopped) {
            await runJob(job);
          }
        }
        return total;
      });
    },
    start() {
      if (timer || stopped) {
        return;
      }
      timer = setTimeout(() => void tick(), options.intervalMs);
      timer.unref();
      log.info({ intervalMs: options.intervalMs, topics: [...handlers.keys()], jobs: jobs.map((j) => j.name) }, 'outbox worker started');
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
