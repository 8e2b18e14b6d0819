import { inject } from 'vitest';
import { ManualClock } from '#server/clock.ts';
import { freePort } from '#test/free-port.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * The server's clock in browser tests follows real time (the browser, the identity provider and
 * the cookies all do), yet a test may still move it: `app.clock.advance(29 * 60_000)`.
 */
export class LiveClock extends ManualClock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  override set(to: Date | string): void {
    this.offsetMs = new Date(to).getTime() - Date.now();
  }

  override advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface E2eAppOptions {
  /** Write the personas' demo plans at start (kari has a plan, nora an ended period, …). Default on. */
  demoData?: boolean;
  /** A clock to use instead of the live one (a ManualClock stands still: sessions never expire). */
  clock?: ManualClock;
  /** More server environment (e.g. SESSION_IDLE_MINUTES). */
  env?: Record<string, string>;
}

/**
 * The whole app in this process, as `npm start` runs it: embedded PGlite in memory, the local
 * register services, the development identity provider at `${url}/oidc`, and the web app built by
 * the global setup. Its port is chosen first, because the identity provider's issuer URL holds it.
 * The returned TestApp also gives API clients (`app.as('vera')`) to arrange data quickly.
 */
export async function startE2eApp(options: E2eAppOptions = {}): Promise<TestApp> {
  const port = await freePort();
  return startTestApp({
    clock: options.clock ?? new LiveClock(),
    env: {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      WEB_DIR: inject('e2eWebDir'),
      DEMO_DATA: options.demoData === false ? 'off' : 'on',
      // As npm start runs it: the outbox worker delivers notifications (to the local sinks, /dev/mailbox).
      WORKER: 'on',
      WORKER_INTERVAL_MS: '200',
      ...options.env,
    },
  });
}

/**
 * Gives a citizen one earlier KVP period at NAV Bærum, ended by the system when they moved office
 * (as the register refresh ends one), unless they have a KVP period already: a file's tests share
 * its app.
 */
export async function addEndedKvpPeriod(app: TestApp, personId: string): Promise<void> {
  const db = app.testDb.database.db;
  if (await db.selectFrom('kvp_period').select('id').where('personId', '=', personId).executeTakeFirst()) {
    return;
  }
  await db
    .insertInto('kvp_period')
    .values({ personId, officeId: '0219', startedAt: new Date('2026-01-05T09:00:00Z'), startedByIdent: 'Z990001', startReason: 'Vedtak.', endedAt: new Date('2026-03-02T09:00:00Z'), endedByIdent: 'SYSTEM', endReason: 'OFFICE_CHANGED' })
    .execute();
}
