import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ManualClock } from '#server/clock.ts';
import { loadConfig, type Config } from '#server/config.ts';
import { openDatabase, type Database } from '#server/db/database.ts';
import { startServer, type RunningServer } from '#server/server.ts';
import { freePort } from '#test/free-port.ts';

/**
 * Test support for the login flow: an app on a known port (the issuer URL must be known before it
 * listens) and a tiny browser — fetch with manual redirects and a cookie jar — that walks the
 * authorization code flow the way a real browser does.
 */
export interface AuthTestApp {
  url: string;
  config: Config;
  server: RunningServer;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The database kinds to run on: embedded always, a PostgreSQL server when TEST_DATABASE_URL names one. */
export const DATABASE_KINDS: Array<'pglite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function startAuthTestApp(
  options: { clock?: ManualClock; database?: Database | 'pglite' | 'postgres'; env?: Record<string, string>; publicUrl?: string } = {},
): Promise<AuthTestApp> {
  const clock = options.clock ?? new ManualClock(new Date());
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: options.publicUrl ?? `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEV_IDP: 'on',
    ...options.env,
  });
  const scratch = options.database === 'postgres' ? await createScratchDatabase() : null;
  const given = typeof options.database === 'object' ? options.database : scratch?.database;
  const server = await startServer(config, { clock, ...(given ? { database: given } : {}) });
  return {
    url: `http://127.0.0.1:${config.port}`,
    config,
    server,
    clock,
    async close() {
      await server.close();
      await scratch?.drop();
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database of its own on the TEST_DATABASE_URL server, dropped again after the test file. */
export async function createScratchDatabase(): Promise<{ url: string; database: Database; drop(): Promise<void> }> {
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error('TEST_DATABASE_URL is required for tests on a PostgreSQL server');
  }
  const name = `auth_${randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.href, poolSize: 3 });
  return {
    url: url.href,
    database,
    async drop() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

interface StoredCookie {
  value: string;
  path: string;
}

/** Cookies by name, scoped by path only: every test server is on 127.0.0.1, and browsers ignore ports. */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  store(response: Response, requestUrl: URL): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = new Map(attributes.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=').slice(1).join('=')]));
      const path = attr.get('path') || requestUrl.pathname.replace(/\/[^/]*$/, '') || '/';
      const expires = attr.get('expires');
      const gone = attr.get('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() <= Date.now()) || value === '';
      const key = `${name}|${path}`;
      if (gone) {
        this.cookies.delete(key);
      } else {
        this.cookies.set(key, { value, path });
      }
    }
  }

  header(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([key, c]) => `${key.split('|')[0]}=${c.value}`)
      .join('; ');
  }

  get(name: string): string | undefined {
    return [...this.cookies.entries()].find(([key]) => key.split('|')[0] === name)?.[1].value;
  }

  delete(name: string): void {
    for (const key of [...this.cookies.keys()]) {
      if (key.split('|')[0] === name) {
        this.cookies.delete(key);
      }
    }
  }
}

export interface Hop {
  url: string;
  status: number;
}

export class Browser {
  readonly jar = new CookieJar();
  /** Every response of the last navigation, in order. */
  hops: Hop[] = [];

  constructor(private readonly rewrite: (url: URL) => URL = (url) => url) {}

  async request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const target = this.rewrite(new URL(url));
    const cookie = this.jar.header(target);
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    this.jar.store(response, target);
    return response;
  }

  /** Follows redirects like a browser (303 and 302 after POST become GET) until a non-redirect. */
  async navigate(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ response: Response; url: string }> {
    this.hops = [];
    let current = url;
    let response = await this.request(current, init);
    for (let i = 0; i < 20 && response.status >= 300 && response.status < 400; i++) {
      this.hops.push({ url: current, status: response.status });
      current = new URL(response.headers.get('location') ?? '', current).href;
      await response.arrayBuffer();
      response = await this.request(current);
    }
    this.hops.push({ url: current, status: response.status });
    return { response, url: current };
  }

  /** Submits an HTML form found on a page (the first form whose action matches). */
  async submitForm(pageUrl: string, html: string, fields: Record<string, string>, actionContains = ''): Promise<{ response: Response; url: string }> {
    const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => decodeEntities(m[1]!));
    const action = actions.find((a) => a.includes(actionContains));
    if (!action) {
      throw new Error(`no form with action containing "${actionContains}" on ${pageUrl}`);
    }
    return this.navigate(new URL(action, pageUrl).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

function decodeEntities(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

/**
 * The whole browser login: /auth/login → the provider's login page → pick the persona (or type a
 * national id) → callback → back at `returnTo` with a session cookie.
 */
export async function logInWithBrowser(browser: Browser, appUrl: string, who: { persona: string } | { nationalId: string }, returnTo = '/'): Promise<{ finalUrl: string; loginPage: string }> {
  const start = await browser.navigate(`${appUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  if (start.response.status !== 200) {
    throw new Error(`login page: ${start.response.status} at ${start.url}: ${await start.response.text()}`);
  }
  const loginPage = await start.response.text();
  const done = await browser.submitForm(start.url, loginPage, 'persona' in who ? { persona: who.persona } : { nationalId: who.nationalId }, '/login');
  await done.response.arrayBuffer();
  return { finalUrl: done.url, loginPage };
}
