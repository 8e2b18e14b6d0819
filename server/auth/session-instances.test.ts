import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '#server/clock.ts';
import { openDatabase, type Database } from '#server/db/database.ts';
import { freePort } from '#test/free-port.ts';
import { Browser, createScratchDatabase, logInWithBrowser, startAuthTestApp, type AuthTestApp } from './session.test-helpers.ts';

/**
 * Two app instances behind one public URL share one issuer and one session store through the
 * database: a login may hop between them at every step. On PostgreSQL (TEST_DATABASE_URL) each
 * instance has its own connection pool, as two processes would; otherwise they share one
 * embedded database in this process.
 */
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
let databases: Database[] = [];
let a: AuthTestApp;
let b: AuthTestApp;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    scratch = await createScratchDatabase();
    databases = [scratch.database, await openDatabase({ url: scratch.url, poolSize: 3 })];
  } else {
    const shared = await openDatabase({});
    databases = [shared, shared];
  }
  const clock = new ManualClock(new Date());
  const publicPort = await freePort();
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  // A listens at the public URL itself; B only behind the "load balancer" below.
  a = await startAuthTestApp({ clock, database: databases[0]!, env: { PORT: String(publicPort) }, publicUrl });
  b = await startAuthTestApp({ clock, database: databases[1]!, publicUrl });
});

afterAll(async () => {
  await b?.close();
  await a?.close();
  if (scratch) {
    await databases[1]?.close();
    await scratch.drop();
  } else {
    await databases[0]?.close();
  }
});

describe('several app instances on one database', () => {
  it('completes a login whose steps alternate between the instances, and both know the session', async () => {
    let turn = 0;
    const visited: string[] = [];
    // Round-robin every request over A and B, as a load balancer without sticky sessions would.
    const browser = new Browser((url) => {
      const target = new URL(url);
      const instance = turn++ % 2 === 0 ? a : b;
      target.port = new URL(instance.url).port;
      visited.push(`${instance === a ? 'A' : 'B'} ${target.pathname}`);
      return target;
    });
    const { finalUrl } = await logInWithBrowser(browser, a.config.publicUrl, { persona: 'siri' }, '/oversikt');
    expect(finalUrl).toBe(`${a.config.publicUrl}/oversikt`);
    expect(visited.some((v) => v.startsWith('A /oidc/'))).toBe(true);
    expect(visited.some((v) => v.startsWith('B /oidc/'))).toBe(true);

    for (const instance of [a, b]) {
      const response = await fetch(`${instance.url}/api/session`, { headers: { cookie: `sid=${browser.jar.get('sid')}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ role: 'advisor', displayName: 'Siri Sikker' });
    }
  });

  it('ends the session everywhere on logout at one instance', async () => {
    const browser = new Browser();
    await logInWithBrowser(browser, a.config.publicUrl, { persona: 'kari' });
    const cookie = `sid=${browser.jar.get('sid')}`;
    const { csrfToken } = (await (await fetch(`${b.url}/api/session`, { headers: { cookie } })).json()) as { csrfToken: string };
    const logout = await fetch(`${b.url}/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(logout.status).toBe(200);
    expect((await fetch(`${a.url}/api/session`, { headers: { cookie } })).status).toBe(401);
  });
});
