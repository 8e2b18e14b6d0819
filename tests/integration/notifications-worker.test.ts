import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#server/db/database.ts';
import { appendEvent, type OutboxTopic } from '#server/outbox/outbox.repository.ts';
import { createWorker, type OutboxEvent, type Worker } from '#server/outbox/worker.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * The outbox worker on the real database: events in id order, a failing handler retried with
 * backoff until it succeeds (the event is never lost), topics nobody handles marked processed,
 * and the timer that runs it in the app and stops with it. Test-only topics keep these events
 * apart from the app's.
 */
let app: TestApp;
let db: Db;
const quiet = { info: () => undefined, error: () => undefined };

beforeAll(async () => {
  app = await startTestApp();
  db = app.testDb.database.db;
});
afterAll(() => app?.close());

const topic = (name: string) => name as OutboxTopic;

async function append(name: string, payload: Record<string, unknown> = {}): Promise<number> {
  await db.transaction().execute((tx) => appendEvent(tx, topic(name), 'aggregate', payload, app.clock.now()));
  const row = await db.selectFrom('outbox').select('id').where('topic', '=', name).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  return row.id;
}

const outboxRow = (id: number) => db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function worker(intervalMs = 1000): Worker {
  return createWorker({ db, clock: app.clock, log: quiet, intervalMs });
}

describe('the outbox worker', () => {
  it('hands events to their handler in id order, in the claiming transaction', async () => {
    const seen: string[] = [];
    const w = worker();
    w.handle(topic('test.ordered'), async (tx, event: OutboxEvent) => {
      seen.push(String(event.payload.n));
      // Written in the claiming transaction: it commits together with "processed".
      await tx.updateTable('outbox').set({ lastError: 'seen in handler' }).where('id', '=', event.id).execute();
    });
    const ids = [await append('test.ordered', { n: 1 }), await append('test.ordered', { n: 2 }), await append('test.ordered', { n: 3 })];
    expect(await w.runOnce()).toEqual({ handled: 3, failed: 0 });
    expect(seen).toEqual(['1', '2', '3']);
    for (const id of ids) {
      expect(await outboxRow(id)).toMatchObject({ processedAt: app.clock.now(), lastError: null, attempts: 0 });
    }
  });

  it('retries a failing handler with growing backoff and keeps the event until it succeeds', async () => {
    let failures = 2;
    let handled = 0;
    const w = worker();
    w.handle(topic('test.flaky'), async (tx) => {
      await tx.insertInto('office').values({ id: 'T001', name: 'Written before the failure' }).onConflict((oc) => oc.doNothing()).execute();
      if (failures > 0) {
        failures--;
        throw new Error('downstream refused');
      }
      handled++;
    });
    const id = await append('test.flaky');
    const start = app.clock.now().getTime();

    expect(await w.runOnce()).toEqual({ handled: 0, failed: 1 });
    let row = await outboxRow(id);
    expect(row).toMatchObject({ processedAt: null, attempts: 1, lastError: 'Error: downstream refused' });
    expect(row.availableAt.getTime() - start).toBe(10_000);
    // The failed attempt's writes were rolled back with it.
    expect(await db.selectFrom('office').select('id').where('id', '=', 'T001').executeTakeFirst()).toBeUndefined();

    // Not before its time.
    app.clock.advance(9_999);
    expect(await w.runOnce()).toEqual({ handled: 0, failed: 0 });
    app.clock.advance(1);
    expect(await w.runOnce()).toEqual({ handled: 0, failed: 1 });
    row = await outboxRow(id);
    expect(row.attempts).toBe(2);
    expect(row.availableAt.getTime() - app.clock.now().getTime()).toBe(20_000);

    app.clock.advance(20_000);
    expect(await w.runOnce()).toEqual({ handled: 1, failed: 0 });
    expect(handled).toBe(1);
    expect(await outboxRow(id)).toMatchObject({ attempts: 2, lastError: null, processedAt: app.clock.now() });
    expect(await db.selectFrom('office').select('id').where('id', '=', 'T001').executeTakeFirst()).toEqual({ id: 'T001' });
  });

  it('lets a failing event not hold up the ones after it', async () => {
    const w = worker();
    const seen: string[] = [];
    w.handle(topic('test.blocker'), async () => {
      throw new Error('always');
    });
    w.handle(topic('test.after'), async (_tx, event) => void seen.push(String(event.payload.n)));
    await append('test.blocker');
    await append('test.after', { n: 1 });
    expect(await w.runOnce()).toEqual({ handled: 1, failed: 1 });
    expect(seen).toEqual(['1']);
  });

  it('handles events in batches, yet a handler whose SQL fails rolls back only its own writes', async () => {
    const w = worker();
    w.handle(topic('test.sqlfail'), async (tx) => {
      await tx.insertInto('office').values({ id: 'T002', name: 'Written before the failing statement' }).execute();
      // A failed statement aborts the transaction; only its savepoint is rolled back.
      await tx.insertInto('office').values({ id: 'T002', name: 'duplicate key' }).execute();
    });
    w.handle(topic('test.fine'), async (tx, event) => {
      await tx.insertInto('office').values({ id: `T00${String(event.payload.n)}`, name: 'Written by a handler that succeeds' }).execute();
    });
    const before = await append('test.fine', { n: 3 });
    const failing = await append('test.sqlfail');
    const after = await append('test.fine', { n: 4 });
    expect(await w.runOnce()).toEqual({ handled: 2, failed: 1 });
    const offices = await db.selectFrom('office').select('id').where('id', 'in', ['T002', 'T003', 'T004']).orderBy('id').execute();
    expect(offices.map((o) => o.id)).toEqual(['T003', 'T004']);
    expect((await outboxRow(before)).processedAt).not.toBeNull();
    expect((await outboxRow(after)).processedAt).not.toBeNull();
    const failed = await outboxRow(failing);
    expect(failed.processedAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('23505');
  });

  it('marks events of a topic nobody handles as processed', async () => {
    const id = await append('test.unheard');
    await worker().runOnce();
    expect((await outboxRow(id)).processedAt).not.toBeNull();
  });

  it('runs jobs with the app clock’s time', async () => {
    const w = worker();
    const times: Date[] = [];
    w.addJob({ name: 'test.job', everyMs: 60_000, run: async (now) => void times.push(now) });
    await w.runOnce();
    expect(times).toEqual([app.clock.now()]);
  });

  it('works on its own timer, and stops cleanly', async () => {
    const w = worker(50);
    let runs = 0;
    w.handle(topic('test.timer'), async () => void runs++);
    const id = await append('test.timer');
    w.start();
    try {
      await expect.poll(async () => (await outboxRow(id)).processedAt, { timeout: 5000, interval: 25 }).not.toBeNull();
    } finally {
      await w.stop();
    }
    await append('test.timer');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runs).toBe(1);
  });

  it('keeps draining a backlog without waiting for the interval between full runs', async () => {
    // Five runs' worth of events: waiting 2 s after each full run would take 10 s.
    const w = createWorker({ db, clock: app.clock, log: quiet, intervalMs: 2000, batchSize: 5 });
    w.handle(topic('test.backlog'), async () => undefined);
    const ids: number[] = [];
    for (let i = 0; i < 23; i++) {
      ids.push(await append('test.backlog', { n: i }));
    }
    w.start();
    try {
      const pending = () => db.selectFrom('outbox').select('id').where('id', 'in', ids).where('processedAt', 'is', null).execute();
      // The first run starts after one interval; the rest follow at once.
      await expect.poll(async () => (await pending()).length, { timeout: 5000, interval: 50 }).toBe(0);
    } finally {
      await w.stop();
    }
  });

  it('is part of the running app, which stops it on close', async () => {
    const other = await startTestApp({ env: { WORKER: 'on', WORKER_INTERVAL_MS: '50' } });
    await other.startPeriod('kari');
    const events = () => other.testDb.database.db.selectFrom('outbox').select(['topic', 'processedAt']).execute();
    expect((await events()).map((e) => e.topic)).toContain('period.started');
    await expect.poll(async () => (await events()).every((e) => e.processedAt !== null), { timeout: 5000, interval: 25 }).toBe(true);
    // Closing waits for a tick in progress; the timer does not fire on a closed database afterwards.
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
});
