import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSyntheticId } from '#server/dev/national-ids.ts';
import { CITIZENS } from '#server/dev/personas.ts';
import { NOBODY_NATIONAL_ID, routeMatrix, STINE_NATIONAL_ID, WHO, type MatrixContext, type RouteSpec, type Target, type Who } from '#test/access-matrix.ts';
import { activityBodies, createPlanFixture, fillPath } from '#test/api-fixtures.ts';
import { planDigest } from '#test/db-digest.ts';
import { rawSql, type RawSql } from '#test/raw-sql.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * The access matrix (issue 5): every route of the OpenAPI document × every persona, on real
 * fixtures. An allowed call gets 2xx with the expected body (and, for an advisor on a person's
 * data, an audit record); a denied one gets exactly the answer of architecture.md "Errors": 401
 * without a valid login, 403 for the other side's action on a person in reach, and for a person out
 * of reach a reply byte-identical to the 404 for ids that exist nowhere. Refusals change nothing.
 * A route of the document that is not in the matrix fails the test, and so does a matrix row for a
 * route that is gone.
 */
interface RawReply {
  status: number;
  text: string;
  contentType: string;
}

let app: TestApp;
let sql: RawSql;
let ctx: MatrixContext;
let routes: Array<{ key: string; method: string; path: string; secured: boolean }>;
const matrix = routeMatrix();
const clients = new Map<string, Client>();
const tokens = new Map<Who, string | null>();

async function as(key: string): Promise<Client> {
  let client = clients.get(key);
  if (!client) {
    client = await app.as(key);
    clients.set(key, client);
  }
  return client;
}

/** One request with the reply's body exactly as sent; a stream is cut once its head has arrived. */
async function send(token: string | null, method: string, path: string, body?: unknown): Promise<RawReply> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 5000);
  try {
    const response = await fetch(`${app.url}${path}`, {
      method,
      signal: abort.signal,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.startsWith('text/event-stream')) {
      abort.abort();
      return { status: response.status, text: '', contentType };
    }
    return { status: response.status, text: await response.text(), contentType };
  } finally {
    clearTimeout(timer);
  }
}

function errorCode(reply: RawReply): string | undefined {
  try {
    return (JSON.parse(reply.text) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** A failed body check is reported with the route and persona, and the matrix goes on. */
function softly(what: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    expect.soft(String(error), what).toBe('the expected answer');
  }
}

const nothing = (target: Target): Target => ({ ...target, params: Object.fromEntries(Object.keys(target.params).map((k) => [k, randomUUID()])) });

/** The same target on Stine, the strictly protected person at Kari's office. */
function onStine(target: Target): Target {
  const { stine } = ctx;
  const ids: Record<string, string> = { personId: stine.personId, periodId: stine.periodId, activityId: stine.activityId, threadId: stine.threadId, warningId: stine.warningId };
  return { ...target, params: Object.fromEntries(Object.entries(target.params).map(([k, v]) => [k, ids[k] ?? v])) };
}

async function auditCount(): Promise<number> {
  const rows = await sql.query<{ n: string }>(`select count(*) as n from audit_record where "actorIdent" = 'Z990001'`);
  return Number(rows[0]!.n);
}

/** What one persona gets from one route; throws with the route and persona named when it is wrong. */
async function expectOutcome(route: { key: string; method: string; path: string }, spec: RouteSpec, who: Who): Promise<void> {
  const what = `${route.key} as ${who}`;
  const token = tokens.get(who)!;
  const call = (target: Target) => send(token, route.method, fillPath(route.path, target.params), target.body);

  if (who === 'anonymous' || who === 'expired') {
    const target = spec.kind === 'person' ? spec.target(ctx) : spec.request(ctx, who);
    const outcome = spec.kind === 'caller' ? spec.outcomes[who] : 401;
    const reply = await call(target);
    expect.soft({ what, status: reply.status, code: outcome === 401 ? errorCode(reply) : undefined }).toEqual({ what, status: outcome, code: outcome === 401 ? 'unauthenticated' : undefined });
    return;
  }

  if (spec.kind === 'caller') {
    const outcome = spec.outcomes[who] ?? spec.outcomes.vera;
    const target = spec.request(ctx, who);
    const reply = await call(target);
    if (outcome === 'same-as-missing') {
      const absent = await call(spec.missing!(ctx));
      expect.soft(absent.status, `${what}: about nothing`).toBe(404);
      expect.soft({ what, status: reply.status, body: reply.text }).toEqual({ what, status: absent.status, body: absent.text });
      return;
    }
    expect.soft({ what, status: reply.status }).toEqual({ what, status: outcome });
    if (outcome < 300 && reply.status < 300 && spec.check) {
      softly(what, () => spec.check!(JSON.parse(reply.text), who, ctx));
    }
    return;
  }

  // A route on one person's data.
  if (who === 'kari' || who === 'vera') {
    const prepare = spec.allow[who];
    if (!prepare) {
      const reply = await call(spec.target(ctx));
      expect.soft({ what, status: reply.status, code: errorCode(reply) }).toEqual({ what, status: 403, code: 'forbidden' });
      return;
    }
    const target = await prepare(ctx);
    const auditBefore = await auditCount();
    const reply = await call(target);
    expect.soft({ what, status: reply.status < 300 ? 'allowed' : reply.status, body: reply.status < 300 ? undefined : reply.text }).toEqual({ what, status: 'allowed', body: undefined });
    if (spec.stream) {
      expect.soft(reply.contentType, what).toMatch(/^text\/event-stream/);
    } else if (reply.status < 300 && reply.status !== 204 && spec.check) {
      softly(what, () => spec.check!(JSON.parse(reply.text), target, ctx));
    }
    if (who === 'vera' && !spec.stream && reply.status < 300) {
      expect.soft(await auditCount(), `${what}: the advisor's use is in the audit log`).toBeGreaterThan(auditBefore);
    }
    return;
  }

  // Out of reach: another citizen, an advisor at another office, an advisor without the right, an employer.
  const target = who === 'veraOnStine' ? onStine(spec.target(ctx)) : spec.target(ctx);
  const hidden = await call(target);
  const absent = await call(nothing(target));
  expect.soft(absent.status, `${what}: ids of nothing`).toBe(404);
  expect.soft({ what, status: hidden.status, body: hidden.text }).toEqual({ what, status: absent.status, body: absent.text });
}

beforeAll(async () => {
  app = await startTestApp();
  sql = rawSql(app.testDb.database);
  const f = await createPlanFixture(app);

  const siri = await app.as('siri');
  const stinePeriod = await app.startPeriod('stine');
  const activity = await siri.post(`/api/persons/${stinePeriod.personId}/activities`, activityBodies(app.clock.now())[0]!.body);
  const thread = await siri.post(`/api/persons/${stinePeriod.personId}/threads`, { subject: 'Hello', text: 'From NAV' });
  const warning = await siri.post(`/api/persons/${stinePeriod.personId}/escalation-warnings`, { reason: 'Matrix', subject: 'Warning', text: 'Please get in touch.' });
  expect([activity.status, thread.status, warning.status]).toEqual([201, 201, 201]);
  await app.startPeriod('ove');
  await app.startPeriod('ola');
  const vera = await app.as('vera');
  const kvpStarted = await vera.post(`/api/persons/${f.kari.personId}/kvp-periods`, { reason: 'Matrix' });
  expect(kvpStarted.status).toBe(201);
  expect((await vera.post(`/api/persons/${f.kari.personId}/kvp-periods/${kvpStarted.body.id}/end`, { reason: 'Matrix' })).status).toBe(200);

  STINE_NATIONAL_ID.value = CITIZENS.find((c) => c.key === 'stine')!.nationalId;
  NOBODY_NATIONAL_ID.value = buildSyntheticId(new Date(Date.UTC(1984, 4, 17)), 777) ?? buildSyntheticId(new Date(Date.UTC(1984, 4, 18)), 777)!;
  ctx = {
    app,
    f,
    kvpPeriodId: kvpStarted.body.id,
    stine: { personId: stinePeriod.personId, periodId: stinePeriod.periodId, activityId: activity.body.id, threadId: thread.body.thread.id, warningId: warning.body.id },
    as,
  };
  for (const who of WHO) {
    const key = who === 'veraOnStine' ? 'vera' : who === 'expired' ? 'vera' : who;
    tokens.set(who, who === 'anonymous' ? null : who === 'expired' ? (await app.as(key, { ttlSeconds: -10 })).token : (await as(key)).token);
  }

  const doc = (await app.anonymous().get('/api/docs/json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, secured: (operation.security?.length ?? 0) > 0 })),
  );
});
afterAll(() => app?.close());

describe('the access matrix', () => {
  it('places every route of the OpenAPI document, and no route that is gone', () => {
    const documented = routes.map((r) => r.key).filter((key) => key.includes(' /api/') || key.includes(' /auth/'));
    expect(documented.filter((key) => !(key in matrix)), 'routes missing from tests/support/access-matrix.ts').toEqual([]);
    expect(Object.keys(matrix).filter((key) => !documented.includes(key)), 'matrix rows for routes not in the document').toEqual([]);
  });

  it('refuses every persona out of reach exactly as a missing person, and changes nothing', async () => {
    const before = await planDigest(sql);
    for (const route of routes.filter((r) => matrix[r.key]?.kind === 'person')) {
      for (const who of ['ove', 'per', 'veraOnStine', 'arne', 'anonymous', 'expired'] as const) {
        await expectOutcome(route, matrix[route.key]!, who);
      }
    }
    expect(await planDigest(sql)).toEqual(before);
  });

  it("answers 403 to a side in reach doing the other side's part, and changes nothing", async () => {
    const before = await planDigest(sql);
    for (const route of routes.filter((r) => r.key in matrix)) {
      const spec = matrix[route.key]!;
      for (const who of ['kari', 'vera'] as const) {
        if (spec.kind === 'person' && !spec.allow[who]) {
          await expectOutcome(route, spec, who);
        }
      }
    }
    expect(await planDigest(sql)).toEqual(before);
  });

  it('lets the citizen and the advisor with access do their part, with the expected answer and an audit record for the advisor', async () => {
    for (const route of routes.filter((r) => r.key in matrix)) {
      const spec = matrix[route.key]!;
      for (const who of ['kari', 'vera'] as const) {
        if (spec.kind === 'caller' || spec.allow[who]) {
          await expectOutcome(route, spec, who);
        }
      }
    }
  });

  it('gives the caller-scoped routes their answers for the other personas', async () => {
    for (const route of routes.filter((r) => matrix[r.key]?.kind === 'caller')) {
      for (const who of ['ove', 'per', 'veraOnStine', 'arne', 'anonymous', 'expired'] as const) {
        await expectOutcome(route, matrix[route.key]!, who);
      }
    }
  });
});
