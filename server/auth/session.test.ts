import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersona } from '#server/dev/personas.ts';
import { Browser, DATABASE_KINDS, logInWithBrowser, startAuthTestApp, type AuthTestApp } from './session.test-helpers.ts';

const MINUTE = 60 * 1000;

describe.each(DATABASE_KINDS)('web sessions on %s', (kind) => {
  let app: AuthTestApp;

  beforeAll(async () => {
    app = await startAuthTestApp({ database: kind });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function session(browser: Browser, headers: Record<string, string> = {}) {
    const response = await browser.request(`${app.url}/api/session`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  describe('browser login through the development identity provider', () => {
    it('walks login → persona page → callback → session, and lands on returnTo', async () => {
      const browser = new Browser();
      const { finalUrl, loginPage } = await logInWithBrowser(browser, app.url, { persona: 'vera' }, '/plan?tab=board');

      // Every persona is offered, with its description.
      for (const key of ['kari', 'vera', 'siri', 'arne']) {
        expect(loginPage).toContain(`value="${key}"`);
      }
      expect(loginPage).toContain('Advisor at NAV Bærum');
      expect(finalUrl).toBe(`${app.url}/plan?tab=board`);

      const sid = browser.jar.get('sid');
      expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const me = await session(browser);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ role: 'advisor', displayName: 'Vera Veileder', via: 'session', advisor: { ident: 'Z990001', offices: ['0219'] } });
      expect(me.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const idle = new Date(me.body.idleExpiresAt).getTime() - app.clock.now().getTime();
      expect(idle).toBe(30 * MINUTE);
      expect(new Date(me.body.absoluteExpiresAt).getTime() - app.clock.now().getTime()).toBe(12 * 60 * MINUTE);
    });

    it('logs in a citizen typed in by national id when the person register knows them', async () => {
      const kari = findPersona('kari');
      if (kari?.role !== 'citizen') {
        throw new Error('kari is a citizen persona');
      }
      const browser = new Browser();
      await logInWithBrowser(browser, app.url, { nationalId: kari.nationalId });
      const me = await session(browser);
      expect(me.body).toMatchObject({ role: 'citizen', displayName: 'Kari Nordmann' });
      expect(JSON.stringify(me.body)).not.toContain(kari.nationalId);
      // The ID token's acr made it into the session: a citizen needs high assurance to reach the plan.
      const rows = await app.server.database.db.selectFrom('web_session').select('principal').execute();
      expect(rows.map((r) => r.principal)).toContainEqual({ kind: 'citizen', nationalId: kari.nationalId, highAssurance: true });
    });

    it('refuses an unknown national id on the login page and says why', async () => {
      const browser = new Browser();
      const start = await browser.navigate(`${app.url}/auth/login`);
      const page = await start.response.text();
      const refused = await browser.submitForm(start.url, page, { nationalId: '01010112345' }, '/login');
      expect(refused.response.status).toBe(400);
      const html = await refused.response.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain('aria-invalid="true"');
      expect(browser.jar.get('sid')).toBeUndefined();
    });

    it('only returns to paths on this site', async () => {
      const browser = new Browser();
      const { finalUrl } = await logInWithBrowser(browser, app.url, { persona: 'kari' }, '//evil.example/steal');
      expect(finalUrl).toBe(`${app.url}/`);
    });

    it('ends the session on logout: the same cookie is no longer a login', async () => {
      const browser = new Browser();
      await logInWithBrowser(browser, app.url, { persona: 'kari' });
      const { body } = await session(browser);
      const sid = browser.jar.get('sid')!;

      const logout = await browser.request(`${app.url}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': body.csrfToken } });
      expect(logout.status).toBe(200);
      expect(await logout.json()).toEqual({ redirectTo: '/' });
      expect(browser.jar.get('sid')).toBeUndefined();

      // A copy of the old cookie (another tab, or a thief) is dead too.
      const replay = await fetch(`${app.url}/api/session`, { headers: { cookie: `sid=${sid}` } });
      expect(replay.status).toBe(401);
    });

    it('refuses a cookie-authenticated write without the CSRF token, and accepts it with the token', async () => {
      const browser = new Browser();
      await logInWithBrowser(browser, app.url, { persona: 'kari' });
      const { body } = await session(browser);

      const without = await browser.request(`${app.url}/api/session/keepalive`, { method: 'POST' });
      expect(without.status).toBe(403);
      expect(await without.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('x-csrf-token') } });

      const wrong = await browser.request(`${app.url}/api/session/keepalive`, { method: 'POST', headers: { 'x-csrf-token': 'x'.repeat(43) } });
      expect(wrong.status).toBe(403);

      const right = await browser.request(`${app.url}/api/session/keepalive`, { method: 'POST', headers: { 'x-csrf-token': body.csrfToken } });
      expect(right.status).toBe(200);
    });

    it('answers 401 without a login', async () => {
      expect((await fetch(`${app.url}/api/session`)).status).toBe(401);
      expect((await fetch(`${app.url}/api/session`, { headers: { cookie: 'sid=not-a-session' } })).status).toBe(401);
    });
  });

  describe('idle timeout and absolute expiry', () => {
    it('extends the idle timeout on requests the person makes, not on background ones', async () => {
      const browser = new Browser();
      await logInWithBrowser(browser, app.url, { persona: 'kari' });
      const { body: first } = await session(browser);
      const loggedInAt = app.clock.now().getTime();

      // Polling for 29 minutes keeps nothing alive.
      app.clock.advance(29 * MINUTE);
      const polled = await session(browser, { 'x-background': '1' });
      expect(polled.status).toBe(200);
      expect(polled.body.idleExpiresAt).toBe(first.idleExpiresAt);

      // A click at 29 minutes moves the deadline to 59.
      const clicked = await session(browser);
      expect(new Date(clicked.body.idleExpiresAt).getTime()).toBe(loggedInAt + 59 * MINUTE);

      // 30 minutes of background polling later the session is over.
      app.clock.advance(29 * MINUTE);
      expect((await session(browser, { 'x-background': '1' })).status).toBe(200);
      app.clock.advance(1 * MINUTE);
      expect((await session(browser, { 'x-background': '1' })).status).toBe(401);
      // The cookie of a dead session is cleared.
      expect(browser.jar.get('sid')).toBeUndefined();
    });

    it('"stay logged in" (keepalive) extends the idle timeout even from a background tab', async () => {
      const browser = new Browser();
      await logInWithBrowser(browser, app.url, { persona: 'kari' });
      const { body } = await session(browser);
      app.clock.advance(26 * MINUTE);
      const kept = await browser.request(`${app.url}/api/session/keepalive`, {
        method: 'POST',
        headers: { 'x-csrf-token': body.csrfToken, 'x-background': '1' },
      });
      expect(kept.status).toBe(200);
      const after = (await kept.json()) as Record<string, string>;
      expect(new Date(after.idleExpiresAt!).getTime()).toBe(app.clock.now().getTime() + 30 * MINUTE);
      app.clock.advance(29 * MINUTE);
      expect((await session(browser, { 'x-background': '1' })).status).toBe(200);
    });

    it('throttles the last-seen write: requests within a minute do not move the deadline', async () => {
      const browser = new Browser();
      await logInWithBrowser(browser, app.url, { persona: 'kari' });
      const { body: first } = await session(browser);
      app.clock.advance(30 * 1000);
      expect((await session(browser)).body.idleExpiresAt).toBe(first.idleExpiresAt);
      app.clock.advance(31 * 1000);
      expect((await session(browser)).body.idleExpiresAt).not.toBe(first.idleExpiresAt);
    });

    it('ends the session after the absolute limit however active the person is', async () => {
      const browser = new Browser();
      await logInWithBrowser(browser, app.url, { persona: 'kari' });
      const { body } = await session(browser);
      const absolute = new Date(body.absoluteExpiresAt).getTime();
      while (app.clock.now().getTime() + 20 * MINUTE < absolute) {
        app.clock.advance(20 * MINUTE);
        expect((await session(browser)).status).toBe(200);
      }
      const last = await session(browser);
      // Near the end the idle deadline is capped by the absolute one.
      expect(new Date(last.body.idleExpiresAt).getTime()).toBeLessThanOrEqual(absolute);
      app.clock.set(new Date(absolute));
      expect((await session(browser)).status).toBe(401);
    });
  });
});
