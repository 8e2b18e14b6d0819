import { loadOrCreateSigningKeys, type SigningKeys } from '#server/auth/keys.ts';
import { mintAccessToken, type TokenClaims } from '#server/auth/tokens.ts';
import { ManualClock } from '#server/clock.ts';
import { loadConfig, type Config } from '#server/config.ts';
import { ADVISORS, CITIZENS, EMPLOYERS, findPersona } from '#server/dev/personas.ts';
import { OFFICES } from '#server/dev/personas.ts';
import { startServer, type RunningServer } from '#server/server.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  token: string;
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  send<T = any>(method: string, path: string, init?: { body?: string; headers?: Record<string, string> }): Promise<Reply<T>>;
}

export interface TestApp {
  url: string;
  server: RunningServer;
  config: Config;
  clock: ManualClock;
  testDb: TestDatabase;
  keys: SigningKeys;
  /** A client logged in as a persona (by key) or with explicit claims. */
  as(who: string | TokenClaims, options?: { ttlSeconds?: number }): Promise<Client>;
  anonymous(): Client;
  /** Makes the persona known (advisor lookup) and returns its person id. */
  personId(key: string): Promise<string>;
  /** Gives a citizen persona a current follow-up period (started by an advisor at its office). */
  startPeriod(key: string): Promise<{ personId: string; periodId: string }>;
  close(): Promise<void>;
}

export function claimsFor(key: string): TokenClaims {
  const persona = findPersona(key);
  if (!persona) {
    throw new Error(`no persona ${key}`);
  }
  switch (persona.role) {
    case 'citizen':
      return { role: 'citizen', pid: persona.nationalId, acr: 'idporten-loa-high' };
    case 'advisor':
      return { role: 'advisor', NAVident: persona.ident, name: persona.name, offices: persona.offices, rights: persona.rights };
    case 'employer':
      return { role: 'employer', pid: persona.nationalId, acr: 'idporten-loa-high', organisations: persona.organisations };
  }
}

function client(baseUrl: string, token: string | null): Client {
  async function send(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (token) {
      headers.authorization = `Bearer ${token}`;
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers };
  }
  const json = (method: string) => (path: string, body?: unknown) =>
    send(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { token: token ?? '', send, get: (path) => send('GET', path), post: json('POST'), put: json('PUT') };
}

/** Advisor at the persona's office who may see it (protected persons need Siri). */
function advisorFor(key: string): string {
  const citizen = CITIZENS.find((c) => c.key === key);
  if (!citizen) {
    throw new Error(`no citizen persona ${key}`);
  }
  const candidates = ADVISORS.filter((a) => a.offices.includes(citizen.officeId));
  const advisor = citizen.protectedAddress ? candidates.find((a) => a.rights.length > 0) : candidates[0];
  if (!advisor) {
    throw new Error(`no advisor for ${key}`);
  }
  return advisor.key;
}

export async function startTestApp(
  options: { clock?: ManualClock; env?: Record<string, string>; logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const clock = options.clock ?? new ManualClock(new Date());
  const testDb = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DEV_IDP: 'on', WEB_DIR: 'tests/no-web-build', ...options.env });
  const server = await startServer(config, { database: testDb.database, clock, ...(options.logStream ? { logStream: options.logStream } : {}) });
  await testDb.database.db.insertInto('office').values(OFFICES).onConflict((oc) => oc.doNothing()).execute();
  const keys = await loadOrCreateSigningKeys(testDb.database.db);
  const ids = new Map<string, string>();

  const app: TestApp = {
    url: server.url,
    server,
    config,
    clock,
    testDb,
    keys,
    async as(who, opts = {}) {
      const claims = typeof who === 'string' ? claimsFor(who) : who;
      const subject = typeof who === 'string' ? who : 'explicit';
      const token = await mintAccessToken(keys, claims, {
        issuer: config.oidc.issuer,
        audience: config.oidc.audience,
        subject,
        now: clock.now(),
        ttlSeconds: opts.ttlSeconds ?? 24 * 3600,
      });
      return client(server.url, token);
    },
    anonymous: () => client(server.url, null),
    async personId(key) {
      const known = ids.get(key);
      if (known) {
        return known;
      }
      const persona = [...CITIZENS, ...EMPLOYERS].find((p) => p.key === key);
      if (!persona) {
        throw new Error(`no person persona ${key}`);
      }
      const advisor = await app.as(persona.role === 'citizen' ? advisorFor(key) : 'siri');
      const reply = await advisor.post('/api/persons/lookup', { nationalId: persona.nationalId });
      if (reply.status !== 200 && persona.role === 'citizen') {
        throw new Error(`lookup of ${key} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
      const id = reply.body?.id ?? (await testDb.database.db.selectFrom('person').select('id').where('nationalId', '=', persona.nationalId).executeTakeFirstOrThrow()).id;
      ids.set(key, id);
      return id;
    },
    async startPeriod(key) {
      const personId = await app.personId(key);
      const advisor = await app.as(advisorFor(key));
      const reply = await advisor.post(`/api/persons/${personId}/periods`);
      if (reply.status !== 201) {
        throw new Error(`start period for ${key} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
      return { personId, periodId: reply.body.id };
    },
    async close() {
      await server.close();
      await testDb.dispose();
    },
  };
  return app;
}

export { advisorFor };
