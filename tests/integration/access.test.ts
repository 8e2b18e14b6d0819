import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintAccessToken, type TokenClaims } from '#server/auth/tokens.ts';
import type { SigningKeys } from '#server/auth/keys.ts';
import { buildSyntheticId } from '#server/dev/national-ids.ts';
import { CITIZENS } from '#server/dev/personas.ts';
import { activityBodies, createPlanFixture, fillPath, writeRequests, type PlanFixture } from '#test/api-fixtures.ts';
import { planDigest } from '#test/db-digest.ts';
import { rawSql, type RawSql } from '#test/raw-sql.ts';
import { claimsFor, startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * The access answers of architecture.md "Errors": no login or a login that is not valid → 401;
 * a person out of reach → the very same 404 as a person that does not exist, byte for byte; the
 * person in reach but the action belongs to the other side → 403. Nothing changes on a refusal.
 */
interface RawReply {
  status: number;
  text: string;
}

interface Operation {
  security?: unknown[];
}

let app: TestApp;
let sql: RawSql;
let fixture: PlanFixture;
let doc: { paths: Record<string, Record<string, Operation>> };
const ove = { personId: '', activityId: '', nationalId: CITIZENS.find((c) => c.key === 'ove')!.nationalId };
const stine = { personId: '', activityId: '' };

/** One request, with the reply's body exactly as sent. */
async function send(token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawReply> {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

async function token(who: string | TokenClaims, options: { ttlSeconds?: number } = {}): Promise<string> {
  return (await app.as(who, options)).token;
}

function errorCode(reply: RawReply): string | undefined {
  try {
    return (JSON.parse(reply.text) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** Requests that read or change one person's plan, given that person's ids. */
function personRequests(personId: string, activityId: string): Array<{ method: string; path: string; body?: unknown }> {
  const jobApplication = activityBodies(app.clock.now())[0]!.body;
  return [
    { method: 'GET', path: `/api/persons/${personId}` },
    { method: 'GET', path: `/api/persons/${personId}/plan` },
    { method: 'GET', path: `/api/persons/${personId}/periods` },
    { method: 'GET', path: `/api/persons/${personId}/goal/history` },
    { method: 'GET', path: `/api/activities/${activityId}` },
    { method: 'PUT', path: `/api/persons/${personId}/goal`, body: { version: 0, text: 'Taken over' } },
    { method: 'POST', path: `/api/persons/${personId}/activities`, body: jobApplication },
    { method: 'PUT', path: `/api/activities/${activityId}/status`, body: { version: 1, status: 'CANCELLED' } },
    { method: 'POST', path: `/api/activities/${activityId}/read`, body: { version: 1 } },
  ];
}

/**
 * Sends each request for the out-of-reach person and for ids that exist nowhere, and expects the
 * same 404, byte for byte, and an untouched database.
 */
async function expectSameAsMissing(callerToken: string, personId: string, activityId: string): Promise<void> {
  const before = await planDigest(sql);
  const real = personRequests(personId, activityId);
  const missing = personRequests(randomUUID(), randomUUID());
  for (const [i, request] of real.entries()) {
    const hidden = await send(callerToken, request.method, request.path, request.body);
    const absent = await send(callerToken, missing[i]!.method, missing[i]!.path, missing[i]!.body);
    const what = `${request.method} ${request.path}`;
    expect.soft(absent.status, `${what} for ids that do not exist`).toBe(404);
    expect.soft({ status: hidden.status, body: hidden.text }, `${what} out of reach`).toEqual({ status: absent.status, body: absent.text });
  }
  expect(await planDigest(sql)).toEqual(before);
}

beforeAll(async () => {
  app = await startTestApp();
  sql = rawSql(app.testDb.database);
  fixture = await createPlanFixture(app);
  const reply = await app.anonymous().get('/api/docs/json');
  expect(reply.status).toBe(200);
  doc = reply.body;

  // Ove belongs to Per's office (4601); Stine, at Kari's office, has a strictly protected address.
  ove.personId = (await app.startPeriod('ove')).personId;
  const per = await app.as('per');
  const oveActivity = await per.post(`/api/persons/${ove.personId}/activities`, activityBodies(app.clock.now())[0]!.body);
  expect(oveActivity.status).toBe(201);
  ove.activityId = oveActivity.body.id;

  stine.personId = (await app.startPeriod('stine')).personId;
  const siri = await app.as('siri');
  const stineActivity = await siri.post(`/api/persons/${stine.personId}/activities`, activityBodies(app.clock.now())[0]!.body);
  expect(stineActivity.status).toBe(201);
  stine.activityId = stineActivity.body.id;
});
afterAll(() => app?.close());

describe('without a valid login', () => {
  it('answers 401 on every /api route of the document that is not public, and changes nothing', async () => {
    const before = await planDigest(sql);
    const writes = writeRequests(fixture, app.clock.now());
    const ids = { personId: fixture.kari.personId, periodId: fixture.kari.periodId, activityId: fixture.activities.jobApplication.id, threadId: fixture.dialog.thread.id, officeId: '0219', kvpPeriodId: randomUUID() };
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!path.startsWith('/api/')) {
          continue;
        }
        const route = `${method.toUpperCase()} ${path}`;
        const variant = writes[route]?.variants[0];
        const params = writes[route]?.params ?? ids;
        // A well-formed request, with real ids, and the same with ids of nothing: neither may tell more than 401.
        for (const values of [params, Object.fromEntries(Object.keys(params).map((k) => [k, randomUUID()]))]) {
          const reply = await send(null, method.toUpperCase(), fillPath(path, values), variant?.body);
          if (operation.security?.length) {
            expect.soft({ route, status: reply.status, code: errorCode(reply) }).toEqual({ route, status: 401, code: 'unauthenticated' });
          } else {
            expect.soft(reply.status, `${route} is public but must not fail`).toBeLessThan(500);
          }
        }
        checked.push(route);
      }
    }
    expect(checked.length).toBeGreaterThan(15);
    expect(await planDigest(sql)).toEqual(before);
  });

  it('keeps the documents and health public', async () => {
    for (const path of ['/api/docs/json', '/health/live']) {
      expect((await send(null, 'GET', path)).status, path).toBe(200);
    }
  });

  it('answers 401 to an expired token, whether it ran out a moment ago or long ago', async () => {
    const justExpired = await token('kari', { ttlSeconds: -10 });
    const longAgo = await mintAccessToken(app.keys, claimsFor('kari'), {
      issuer: app.config.oidc.issuer,
      audience: app.config.oidc.audience,
      subject: 'kari',
      now: new Date(app.clock.now().getTime() - 2 * 86_400_000),
      ttlSeconds: 3600,
    });
    const before = await planDigest(sql);
    for (const expired of [justExpired, longAgo]) {
      for (const [method, path, body] of [
        ['GET', `/api/persons/${fixture.kari.personId}/plan`],
        ['GET', '/api/me'],
        ['PUT', `/api/persons/${fixture.kari.personId}/goal`, { version: fixture.goalVersion, text: 'Expired' }],
      ] as const) {
        const reply = await send(expired, method, path, body);
        expect.soft({ path, status: reply.status, code: errorCode(reply) }).toEqual({ path, status: 401, code: 'unauthenticated' });
      }
    }
    expect(await planDigest(sql)).toEqual(before);
  });

  it('answers 401 to a token signed by another key, forged, or not a token at all', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(privateKey);
    const mint = (keys: SigningKeys, claims: TokenClaims, overrides: { issuer?: string; audience?: string } = {}) =>
      mintAccessToken(keys, claims, { issuer: app.config.oidc.issuer, audience: app.config.oidc.audience, subject: 'kari', now: app.clock.now(), ...overrides });
    const otherKey = { kid: app.keys.kid, privateJwk: jwk, publicJwk: jwk, privateKey };
    const valid = await token('kari');
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;

    const bad: Record<string, string> = {
      'signed by another key, same kid': `Bearer ${await mint(otherKey, claimsFor('kari'))}`,
      'signed by another key, other kid': `Bearer ${await mint({ ...otherKey, kid: randomUUID() }, claimsFor('kari'))}`,
      'claims changed after signing': `Bearer ${header}.${b64({ ...claims, pid: ove.nationalId })}.${signature}`,
      'signature cut short': `Bearer ${header}.${payload}.${signature.slice(0, -8)}`,
      'unsigned (alg none)': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'another issuer': `Bearer ${await mint(app.keys, claimsFor('kari'), { issuer: 'https://issuer.example.test' })}`,
      'another audience': `Bearer ${await mint(app.keys, claimsFor('kari'), { audience: 'another-api' })}`,
      'claims of no known role': `Bearer ${await mint(app.keys, { role: 'admin' } as unknown as TokenClaims)}`,
      garbage: 'Bearer garbage',
      'three dots': 'Bearer a.b.c',
      'not Bearer': `Basic ${Buffer.from('kari:secret').toString('base64')}`,
      'token only': valid,
      'Bearer without a token': 'Bearer',
    };
    const before = await planDigest(sql);
    for (const [what, authorization] of Object.entries(bad)) {
      for (const [method, path, body] of [
        ['GET', `/api/persons/${fixture.kari.personId}/plan`],
        ['PUT', `/api/persons/${fixture.kari.personId}/goal`, { version: fixture.goalVersion, text: 'Forged' }],
      ] as const) {
        const reply = await send(null, method, path, body, { authorization });
        expect.soft({ what, path, status: reply.status, code: errorCode(reply) }).toEqual({ what, path, status: 401, code: 'unauthenticated' });
      }
    }
    expect(await planDigest(sql)).toEqual(before);
    // The same request with the genuine token is let in, so the refusals above are the token's doing.
    expect((await send(valid, 'GET', `/api/persons/${fixture.kari.personId}/plan`)).status).toBe(200);
  });
});

describe('a person out of reach is answered as a person that does not exist', () => {
  it("gives citizen Kari the same 404 for Ove's plan, person and activity as for ids of nothing", async () => {
    await expectSameAsMissing(await token('kari'), ove.personId, ove.activityId);
  });

  it("gives advisor Per (office 4601) the same 404 for Kari (office 0219)", async () => {
    await expectSameAsMissing(await token('per'), fixture.kari.personId, fixture.activities.jobApplication.id);
  });

  it('gives advisor Vera, without the right, the same 404 for Stine (protected address), while Siri reads her', async () => {
    await expectSameAsMissing(await token('vera'), stine.personId, stine.activityId);
    const siri = await token('siri');
    for (const path of [`/api/persons/${stine.personId}`, `/api/persons/${stine.personId}/plan`, `/api/activities/${stine.activityId}`]) {
      expect.soft((await send(siri, 'GET', path)).status, path).toBe(200);
    }
  });

  it('gives the same 404 to a lookup of a national id out of reach as to one nobody has', async () => {
    const nobody = buildSyntheticId(new Date(Date.UTC(1984, 4, 17)), 777) ?? buildSyntheticId(new Date(Date.UTC(1984, 4, 18)), 777);
    expect(nobody).toBeTruthy();
    for (const [who, nationalId] of [
      ['per', fixture.kari.nationalId],
      ['vera', CITIZENS.find((c) => c.key === 'stine')!.nationalId],
      ['kari', ove.nationalId],
    ] as const) {
      const caller = await token(who);
      const hidden = await send(caller, 'POST', '/api/persons/lookup', { nationalId });
      const absent = await send(caller, 'POST', '/api/persons/lookup', { nationalId: nobody });
      expect.soft(absent.status, `${who} looking up nobody`).toBe(404);
      expect.soft({ status: hidden.status, body: hidden.text }, `${who} looking up someone out of reach`).toEqual({ status: absent.status, body: absent.text });
    }
  });
});

describe('the person in reach, but the action is not theirs', () => {
  it("answers 403 to citizen Kari doing an advisor's part of her own plan, and changes nothing", async () => {
    const kari = await token('kari');
    const { personId, periodId } = fixture.kari;
    const { toAgree, agreed } = fixture.activities;
    const before = await planDigest(sql);
    for (const [method, path, body] of [
      ['POST', `/api/persons/${personId}/periods`],
      ['POST', `/api/persons/${personId}/periods/${periodId}/end`],
      ['PUT', `/api/activities/${toAgree.id}/agreement`, { version: toAgree.version, advanceNotice: { type: 'STANDARD' } }],
      ['GET', `/api/activities/${toAgree.id}/agreement-options`],
      // On an activity she sees: an unshared summary is hidden from her (404, as a missing one).
      ['PUT', `/api/activities/${agreed.id}/summary`, { version: agreed.version, summary: 'My own summary', share: true }],
    ] as const) {
      const reply = await send(kari, method, path, body);
      expect.soft({ path, status: reply.status, code: errorCode(reply) }).toEqual({ path, status: 403, code: 'forbidden' });
    }
    expect(await planDigest(sql)).toEqual(before);
  });

  it("answers 403 to advisor Vera confirming the citizen's reading of an advance notice", async () => {
    const { agreed } = fixture.activities;
    const reply = await send(await token('vera'), 'POST', `/api/activities/${agreed.id}/advance-notice/confirmation`, { version: agreed.version });
    expect({ status: reply.status, code: errorCode(reply) }).toEqual({ status: 403, code: 'forbidden' });
  });

  it('answers 403 to a citizen logged in with substantial assurance, even for her own plan', async () => {
    const substantial = await token({ role: 'citizen', pid: fixture.kari.nationalId, acr: 'idporten-loa-substantial' });
    const { personId } = fixture.kari;
    const before = await planDigest(sql);
    for (const [method, path, body] of [
      ['GET', `/api/persons/${personId}/plan`],
      ['GET', `/api/persons/${personId}`],
      ['GET', `/api/activities/${fixture.activities.jobApplication.id}`],
      ['PUT', `/api/persons/${personId}/goal`, { version: fixture.goalVersion, text: 'With less assurance' }],
    ] as const) {
      const reply = await send(substantial, method, path, body);
      expect.soft({ path, status: reply.status, code: errorCode(reply) }).toEqual({ path, status: 403, code: 'forbidden' });
    }
    expect(await planDigest(sql)).toEqual(before);
    // Someone else's plan stays a 404, whatever the assurance.
    const other = await send(substantial, 'GET', `/api/persons/${ove.personId}/plan`);
    const nobody = await send(substantial, 'GET', `/api/persons/${randomUUID()}/plan`);
    expect({ status: other.status, body: other.text }).toEqual({ status: 404, body: nobody.text });
  });
});

describe('login is checked before the input', () => {
  it('answers 401, not a validation error, to a caller without a login sending bad input', async () => {
    const anonymous = app.anonymous();
    const reply = await anonymous.post(`/api/persons/${randomUUID()}/activities`, { type: 'NOPE' });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthenticated');
    const malformed = await anonymous.send('PUT', `/api/activities/${randomUUID()}/status`, { body: '{', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(401);
  });
});
