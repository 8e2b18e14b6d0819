import type { PlanFixture } from './api-fixtures.ts';
import { activityBodies, writeRequests } from './api-fixtures.ts';
import type { Client, TestApp } from './test-app.ts';

/**
 * The access matrix (issue 5): for every route of the OpenAPI document, what each persona gets.
 * Person routes act on Kari (office 0219); the columns are fixed by the policy:
 *   kari (the citizen herself), ove (another citizen), vera (advisor at Kari's office), per (advisor
 *   at another office), veraOnStine (vera, without the protected-address right, on Stine's ids),
 *   arne (employer), anonymous and expired (no valid login).
 * A route says only which side may do it and, for an allowed write, how to prepare a fresh target
 * (a write changes what it acts on, so each allowed call gets its own).
 */
export type Who = 'kari' | 'ove' | 'vera' | 'per' | 'veraOnStine' | 'arne' | 'anonymous' | 'expired';
export const WHO: readonly Who[] = ['kari', 'ove', 'vera', 'per', 'veraOnStine', 'arne', 'anonymous', 'expired'];

export interface Target {
  params: Record<string, string>;
  body?: unknown;
}

export interface StineFixture {
  personId: string;
  periodId: string;
  activityId: string;
  threadId: string;
  warningId: string;
}

export interface MatrixContext {
  app: TestApp;
  f: PlanFixture;
  stine: StineFixture;
  /** An ended KVP period of Kari's, for the routes that name one. */
  kvpPeriodId: string;
  as(key: string): Promise<Client>;
}

type Prepare = (ctx: MatrixContext) => Promise<Target>;
type Check = (body: any, target: Target, ctx: MatrixContext) => void;

/** A route on one person's data (reached through a person, activity, thread or warning id). */
export interface PersonRoute {
  kind: 'person';
  /** The sides that may call it, each with a fresh target; any other side in reach gets 403. */
  allow: Partial<Record<'kari' | 'vera', Prepare>>;
  /** The target for everyone else (Kari's ids and a body the route accepts). */
  target: (ctx: MatrixContext) => Target;
  check?: Check;
  /** An event stream: allowed means the stream opens (200, text/event-stream). */
  stream?: boolean;
}

/** A route not about one person (who am I, search, workspace, office settings): each caller's answer. */
export interface CallerRoute {
  kind: 'caller';
  outcomes: Record<Exclude<Who, 'veraOnStine'>, number | 'same-as-missing'> & { veraOnStine?: number | 'same-as-missing' };
  request: (ctx: MatrixContext, who: Who) => Target;
  /** For 'same-as-missing': the same request about nothing that exists. */
  missing?: (ctx: MatrixContext) => Target;
  check?: (body: any, who: Who, ctx: MatrixContext) => void;
}

export type RouteSpec = PersonRoute | CallerRoute;

const day = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The first accepted request of a write route, from the bad-input fixtures. */
function accepted(ctx: MatrixContext, route: string, as?: string): Target {
  const request = writeRequests(ctx.f, ctx.app.clock.now())[route];
  if (!request) {
    throw new Error(`no accepted request for ${route} in tests/support/api-fixtures.ts`);
  }
  const variant = (as ? request.variants.find((v) => v.as === as) : undefined) ?? request.variants[0]!;
  return { params: request.params, body: variant.body };
}

async function ok(reply: { status: number; body: any }, what: string): Promise<any> {
  if (reply.status >= 300) {
    throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

/** A new activity on Kari's plan, made by `by`, for a write to act on. */
async function newActivity(ctx: MatrixContext, by: 'kari' | 'vera', index = 0): Promise<{ id: string; version: number }> {
  const body = await ok(await (await ctx.as(by)).post(`/api/persons/${ctx.f.kari.personId}/activities`, activityBodies(ctx.app.clock.now())[index]!.body), 'new activity');
  return { id: body.id, version: body.version };
}

async function newThread(ctx: MatrixContext): Promise<{ id: string; version: number }> {
  const body = await ok(await (await ctx.as('kari')).post(`/api/persons/${ctx.f.kari.personId}/threads`, { subject: 'Matrix', text: 'A question' }), 'new thread');
  return { id: body.thread.id, version: body.thread.version };
}

async function currentGoalVersion(ctx: MatrixContext): Promise<number> {
  const plan = await ok(await (await ctx.as('vera')).get(`/api/persons/${ctx.f.kari.personId}/plan`), 'plan');
  return plan.goal?.version ?? 0;
}

/** Nora with or without a current period, for the period routes. */
async function nora(ctx: MatrixContext, wantPeriod: boolean): Promise<{ personId: string; periodId: string | null }> {
  const vera = await ctx.as('vera');
  const personId = ctx.f.nora.personId;
  const periods: Array<{ id: string; endedAt: string | null }> = await ok(await vera.get(`/api/persons/${personId}/periods`), 'periods');
  const current = periods.find((p) => p.endedAt === null);
  if (wantPeriod && !current) {
    return { personId, periodId: (await ok(await vera.post(`/api/persons/${personId}/periods`), 'start')).id };
  }
  if (!wantPeriod && current) {
    await ok(await vera.post(`/api/persons/${personId}/periods/${current.id}/end`), 'end');
  }
  return { personId, periodId: current?.id ?? null };
}

/** Kari's active escalation warning, started when there is none. */
async function activeWarning(ctx: MatrixContext): Promise<string> {
  const vera = await ctx.as('vera');
  const list: Array<{ id: string; stoppedAt: string | null }> = await ok(await vera.get(`/api/persons/${ctx.f.kari.personId}/escalation-warnings`), 'warnings');
  const active = list.find((w) => w.stoppedAt === null);
  if (active) {
    return active.id;
  }
  const started = await ok(await vera.post(`/api/persons/${ctx.f.kari.personId}/escalation-warnings`, { reason: 'Matrix', subject: 'Warning', text: 'Please get in touch.' }), 'warning');
  return started.id;
}

/** Kari's open KVP period, started when there is none; or none, ending the open one. */
async function kvp(ctx: MatrixContext, wantOpen: boolean): Promise<string | null> {
  const vera = await ctx.as('vera');
  const base = `/api/persons/${ctx.f.kari.personId}/kvp-periods`;
  const list: Array<{ id: string; endedAt: string | null }> = (await ok(await vera.get(base), 'kvp periods')).kvpPeriods;
  const open = list.find((k) => k.endedAt === null);
  if (wantOpen && !open) {
    return (await ok(await vera.post(base, { reason: 'Matrix' }), 'start kvp')).id;
  }
  if (!wantOpen && open) {
    await ok(await vera.post(`${base}/${open.id}/end`, { reason: 'Matrix' }), 'end kvp');
  }
  return open?.id ?? null;
}

/** Ola (manual, Kari's office) switched to the other mode by NAV, and back the next time. */
async function olaMode(ctx: MatrixContext): Promise<Target> {
  const vera = await ctx.as('vera');
  const personId = await ctx.app.personId('ola');
  const mode = await ok(await vera.get(`/api/persons/${personId}/follow-up-mode`), 'mode');
  return { params: { personId }, body: { manual: !mode.manual, reason: 'Matrix' } };
}

async function noActiveWarning(ctx: MatrixContext): Promise<void> {
  const vera = await ctx.as('vera');
  const list: Array<{ id: string; stoppedAt: string | null }> = await ok(await vera.get(`/api/persons/${ctx.f.kari.personId}/escalation-warnings`), 'warnings');
  for (const w of list.filter((x) => x.stoppedAt === null)) {
    await ok(await vera.post(`/api/escalation-warnings/${w.id}/stop`, { reason: 'Matrix' }), 'stop');
  }
}

const person = (ctx: MatrixContext): Target => ({ params: { personId: ctx.f.kari.personId } });
const activity = (ctx: MatrixContext): Target => ({ params: { activityId: ctx.f.activities.jobApplication.id } });
const thread = (ctx: MatrixContext): Target => ({ params: { threadId: ctx.f.dialog.thread.id } });
const same = (target: (ctx: MatrixContext) => Target): Prepare => async (ctx) => target(ctx);
const isPerson: Check = (body, target) => {
  if (body.personId !== undefined && body.personId !== target.params.personId) {
    throw new Error(`answer about ${body.personId}, asked about ${target.params.personId}`);
  }
};
const isActivity: Check = (body, target) => {
  const id = body.activity?.id ?? body.id;
  if (id !== target.params.activityId) {
    throw new Error(`answer about activity ${id}, asked about ${target.params.activityId}`);
  }
};

/** Activity writes: a fresh activity of the right kind for each allowed caller, and its version in the body. */
function activityWrite(route: string, make: { kari?: [by: 'kari' | 'vera', index: number]; vera?: [by: 'kari' | 'vera', index: number] }, prepareBody?: (ctx: MatrixContext, ref: { id: string; version: number }, who: 'kari' | 'vera') => Promise<unknown>): PersonRoute {
  const allow: PersonRoute['allow'] = {};
  for (const who of ['kari', 'vera'] as const) {
    const spec = make[who];
    if (spec) {
      allow[who] = async (ctx) => {
        const ref = await newActivity(ctx, spec[0], spec[1]);
        const base = accepted(ctx, route, who).body as Record<string, unknown> | undefined;
        const body = prepareBody ? await prepareBody(ctx, ref, who) : { ...base, version: ref.version };
        return { params: { activityId: ref.id }, body };
      };
    }
  }
  return { kind: 'person', allow, target: (ctx) => accepted(ctx, route), check: isActivity };
}

export function routeMatrix(): Record<string, RouteSpec> {
  return {
    // --- who am I, session, language ---
    'GET /api/session': { kind: 'caller', outcomes: { kari: 200, ove: 200, vera: 200, per: 200, arne: 200, anonymous: 401, expired: 401 }, request: () => ({ params: {} }) },
    'POST /api/session/keepalive': { kind: 'caller', outcomes: { kari: 401, ove: 401, vera: 401, per: 401, arne: 401, anonymous: 401, expired: 401 }, request: () => ({ params: {} }) },
    // Logging out without a web session ends nothing and is no error; an expired token is still refused.
    'POST /auth/logout': { kind: 'caller', outcomes: { kari: 200, ove: 200, vera: 200, per: 200, arne: 200, anonymous: 200, expired: 401 }, request: () => ({ params: {} }) },
    'GET /api/me': {
      kind: 'caller',
      outcomes: { kari: 200, ove: 200, vera: 200, per: 200, arne: 200, anonymous: 401, expired: 401 },
      request: () => ({ params: {} }),
      check: (body, who) => {
        const role = { kari: 'citizen', ove: 'citizen', vera: 'advisor', veraOnStine: 'advisor', per: 'advisor', arne: 'employer' }[who as 'kari'];
        if (body.role !== role) {
          throw new Error(`me says ${body.role}`);
        }
      },
    },
    'PUT /api/me/language': {
      kind: 'caller',
      outcomes: { kari: 200, ove: 200, vera: 200, per: 200, arne: 403, anonymous: 401, expired: 401 },
      request: () => ({ params: {}, body: { language: 'nb' } }),
    },
    'POST /api/persons/search': {
      kind: 'caller',
      outcomes: { kari: 403, ove: 403, vera: 200, per: 200, veraOnStine: 200, arne: 403, anonymous: 401, expired: 401 },
      request: (ctx, who) => ({ params: {}, body: { query: who === 'veraOnStine' ? 'Stine Skjermet' : ctx.f.kari.nationalId } }),
      check: (body, who, ctx) => {
        const ids = (body.persons as Array<{ id: string }>).map((p) => p.id);
        const expected = who === 'vera' ? [ctx.f.kari.personId] : [];
        if (JSON.stringify(ids) !== JSON.stringify(expected)) {
          throw new Error(`search by ${who} found ${JSON.stringify(ids)}`);
        }
      },
    },
    'POST /api/persons/lookup': {
      kind: 'caller',
      outcomes: { kari: 200, ove: 'same-as-missing', vera: 200, per: 'same-as-missing', veraOnStine: 'same-as-missing', arne: 'same-as-missing', anonymous: 401, expired: 401 },
      request: (ctx, who) => ({ params: {}, body: { nationalId: who === 'veraOnStine' ? STINE_NATIONAL_ID.value : ctx.f.kari.nationalId } }),
      missing: () => ({ params: {}, body: { nationalId: NOBODY_NATIONAL_ID.value } }),
      check: (body, _who, ctx) => {
        if (body.id !== ctx.f.kari.personId) {
          throw new Error(`lookup found ${body.id}`);
        }
      },
    },

    // --- the person and the plan ---
    'GET /api/persons/{personId}': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person, check: (body, t) => void (body.id === t.params.personId || fail('person')) },
    'GET /api/persons/{personId}/plan': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person, check: isPerson },
    'GET /api/persons/{personId}/periods': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person },
    'POST /api/persons/{personId}/periods': {
      kind: 'person',
      allow: { vera: async (ctx) => ({ params: { personId: (await nora(ctx, false)).personId } }) },
      target: (ctx) => ({ params: { personId: ctx.f.kari.personId } }),
    },
    'POST /api/persons/{personId}/periods/{periodId}/end': {
      kind: 'person',
      allow: {
        vera: async (ctx) => {
          const n = await nora(ctx, true);
          return { params: { personId: n.personId, periodId: n.periodId! } };
        },
      },
      target: (ctx) => ({ params: { personId: ctx.f.kari.personId, periodId: ctx.f.kari.periodId } }),
    },
    'PUT /api/persons/{personId}/goal': {
      kind: 'person',
      allow: {
        kari: async (ctx) => ({ params: person(ctx).params, body: { version: await currentGoalVersion(ctx), text: 'A goal of my own' } }),
        vera: async (ctx) => ({ params: person(ctx).params, body: { version: await currentGoalVersion(ctx), text: 'A goal we agreed' } }),
      },
      target: (ctx) => accepted(ctx, 'PUT /api/persons/{personId}/goal'),
    },
    'GET /api/persons/{personId}/goal/history': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person },
    'POST /api/persons/{personId}/goal/read': {
      kind: 'person',
      allow: {
        kari: async (ctx) => ({ params: person(ctx).params, body: { version: await currentGoalVersion(ctx) } }),
        vera: async (ctx) => ({ params: person(ctx).params, body: { version: await currentGoalVersion(ctx) } }),
      },
      target: (ctx) => accepted(ctx, 'POST /api/persons/{personId}/goal/read'),
    },
    'POST /api/persons/{personId}/activities': {
      kind: 'person',
      allow: { kari: same((ctx) => accepted(ctx, 'POST /api/persons/{personId}/activities', 'kari')), vera: same((ctx) => accepted(ctx, 'POST /api/persons/{personId}/activities', 'vera')) },
      target: (ctx) => accepted(ctx, 'POST /api/persons/{personId}/activities'),
      check: isPerson,
    },
    'GET /api/activities/{activityId}': { kind: 'person', allow: { kari: same(activity), vera: same(activity) }, target: activity, check: isActivity },
    'PUT /api/activities/{activityId}': activityWrite('PUT /api/activities/{activityId}', { kari: ['kari', 0], vera: ['kari', 0] }, async (ctx, ref, who) => ({
      ...(accepted(ctx, 'PUT /api/activities/{activityId}', 'kari').body as object),
      title: `Changed by ${who}`,
      version: ref.version,
    })),
    'PUT /api/activities/{activityId}/end-date': {
      kind: 'person',
      allow: {
        // The citizen moves the end of an agreed medical treatment; the rest is NAV's.
        kari: async (ctx) => {
          const ref = await newActivity(ctx, 'kari', 3);
          const agreed = await ok(await (await ctx.as('vera')).put(`/api/activities/${ref.id}/agreement`, { version: ref.version, advanceNotice: { type: 'NONE' } }), 'agree');
          return { params: { activityId: ref.id }, body: { version: agreed.version, toDate: day(ctx.app.clock.now(), 80) } };
        },
        vera: async (ctx) => {
          const ref = await newActivity(ctx, 'vera', 4);
          const agreed = await ok(await (await ctx.as('vera')).put(`/api/activities/${ref.id}/agreement`, { version: ref.version, advanceNotice: { type: 'NONE' } }), 'agree');
          return { params: { activityId: ref.id }, body: { version: agreed.version, toDate: day(ctx.app.clock.now(), 80) } };
        },
      },
      target: (ctx) => accepted(ctx, 'PUT /api/activities/{activityId}/end-date'),
      check: isActivity,
    },
    'PUT /api/activities/{activityId}/status': activityWrite('PUT /api/activities/{activityId}/status', { kari: ['kari', 0], vera: ['kari', 0] }),
    'PUT /api/activities/{activityId}/application-status': activityWrite('PUT /api/activities/{activityId}/application-status', { kari: ['kari', 0], vera: ['kari', 0] }),
    'GET /api/activities/{activityId}/agreement-options': { kind: 'person', allow: { vera: same((ctx) => ({ params: { activityId: ctx.f.activities.toAgree.id } })) }, target: (ctx) => ({ params: { activityId: ctx.f.activities.toAgree.id } }) },
    'PUT /api/activities/{activityId}/agreement': activityWrite('PUT /api/activities/{activityId}/agreement', { vera: ['vera', 2] }, async (_ctx, ref) => ({ version: ref.version, advanceNotice: { type: 'STANDARD' } })),
    'POST /api/activities/{activityId}/advance-notice/confirmation': {
      kind: 'person',
      allow: {
        kari: async (ctx) => {
          const ref = await newActivity(ctx, 'vera', 2);
          const agreed = await ok(await (await ctx.as('vera')).put(`/api/activities/${ref.id}/agreement`, { version: ref.version, advanceNotice: { type: 'STANDARD' } }), 'agree');
          return { params: { activityId: ref.id }, body: { version: agreed.version } };
        },
      },
      target: (ctx) => accepted(ctx, 'POST /api/activities/{activityId}/advance-notice/confirmation'),
      check: isActivity,
    },
    'PUT /api/activities/{activityId}/summary': {
      // The others aim at an activity Kari sees (an unshared summary is hidden from her, a 404).
      ...activityWrite('PUT /api/activities/{activityId}/summary', { vera: ['vera', 6] }),
      target: (ctx) => ({ params: { activityId: ctx.f.activities.agreed.id }, body: accepted(ctx, 'PUT /api/activities/{activityId}/summary').body }),
    },
    'POST /api/activities/{activityId}/read': activityWrite('POST /api/activities/{activityId}/read', { kari: ['vera', 2], vera: ['kari', 0] }, async (_ctx, ref) => ({ version: ref.version })),

    // --- the dialog ---
    'GET /api/persons/{personId}/threads': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person },
    'GET /api/persons/{personId}/threads/unread': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person },
    'POST /api/persons/{personId}/threads': {
      kind: 'person',
      allow: {
        kari: same((ctx) => accepted(ctx, 'POST /api/persons/{personId}/threads', 'kari')),
        vera: same((ctx) => accepted(ctx, 'POST /api/persons/{personId}/threads', 'vera')),
      },
      target: (ctx) => accepted(ctx, 'POST /api/persons/{personId}/threads'),
    },
    'GET /api/threads/{threadId}': { kind: 'person', allow: { kari: same(thread), vera: same(thread) }, target: thread },
    'POST /api/threads/{threadId}/messages': {
      kind: 'person',
      allow: { kari: async (ctx) => ({ params: { threadId: (await newThread(ctx)).id }, body: { text: 'More' } }), vera: async (ctx) => ({ params: { threadId: (await newThread(ctx)).id }, body: { text: 'An answer' } }) },
      target: (ctx) => accepted(ctx, 'POST /api/threads/{threadId}/messages'),
    },
    'POST /api/threads/{threadId}/read': {
      kind: 'person',
      allow: { kari: async (ctx) => ({ params: { threadId: (await newThread(ctx)).id } }), vera: async (ctx) => ({ params: { threadId: (await newThread(ctx)).id } }) },
      target: thread,
    },
    'PUT /api/threads/{threadId}/status': {
      kind: 'person',
      allow: {
        vera: async (ctx) => {
          const t = await newThread(ctx);
          return { params: { threadId: t.id }, body: { version: t.version, awaitingNav: false, awaitingCitizen: true } };
        },
      },
      target: (ctx) => accepted(ctx, 'PUT /api/threads/{threadId}/status'),
    },
    'GET /api/persons/{personId}/drafts': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person },
    'PUT /api/persons/{personId}/drafts': {
      kind: 'person',
      allow: {
        kari: same((ctx) => accepted(ctx, 'PUT /api/persons/{personId}/drafts', 'kari')),
        vera: same((ctx) => accepted(ctx, 'PUT /api/persons/{personId}/drafts', 'vera')),
      },
      target: (ctx) => accepted(ctx, 'PUT /api/persons/{personId}/drafts'),
    },
    'GET /api/persons/{personId}/escalation-warnings': { kind: 'person', allow: { vera: same(person) }, target: person },
    'POST /api/persons/{personId}/escalation-warnings': {
      kind: 'person',
      allow: {
        vera: async (ctx) => {
          await noActiveWarning(ctx);
          return { params: person(ctx).params, body: { reason: 'Matrix', subject: 'Warning', text: 'Please get in touch.' } };
        },
      },
      target: (ctx) => ({ params: person(ctx).params, body: { reason: 'Matrix', subject: 'Warning', text: 'Please get in touch.' } }),
    },
    'POST /api/escalation-warnings/{warningId}/stop': {
      kind: 'person',
      allow: { vera: async (ctx) => ({ params: { warningId: await activeWarning(ctx) }, body: { reason: 'Matrix' } }) },
      target: (ctx) => accepted(ctx, 'POST /api/escalation-warnings/{warningId}/stop'),
    },
    'GET /api/persons/{personId}/events': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person, stream: true },

    // --- follow-up: digital or manual, assignment, KVP ---
    'GET /api/persons/{personId}/follow-up-mode': { kind: 'person', allow: { kari: same(person), vera: same(person) }, target: person },
    'PUT /api/persons/{personId}/follow-up-mode': {
      kind: 'person',
      allow: {
        // NAV switches Kari to manual; she switches herself back to digital.
        kari: async (ctx) => {
          await ok(await (await ctx.as('vera')).put(`/api/persons/${ctx.f.kari.personId}/follow-up-mode`, { manual: true, reason: 'Matrix' }), 'to manual');
          return { params: person(ctx).params, body: { manual: false } };
        },
        vera: olaMode,
      },
      target: (ctx) => ({ params: person(ctx).params, body: { manual: true, reason: 'Matrix' } }),
    },
    'GET /api/persons/{personId}/assignment': { kind: 'person', allow: { vera: same(person) }, target: person },
    'PUT /api/persons/{personId}/assignment': {
      kind: 'person',
      allow: {
        vera: async (ctx) => {
          const vera = await ctx.as('vera');
          await vera.get('/api/me'); // the advisor directory learns of Vera
          const current = await ok(await vera.get(`/api/persons/${ctx.f.kari.personId}/assignment`), 'assignment');
          if (current.advisor?.ident === 'Z990001') {
            await (await ctx.as('siri')).get('/api/me');
            return { params: person(ctx).params, body: { advisorIdent: 'Z990003' } };
          }
          return { params: person(ctx).params, body: { advisorIdent: 'Z990001' } };
        },
      },
      target: (ctx) => ({ params: person(ctx).params, body: { advisorIdent: 'Z990001' } }),
    },
    'GET /api/offices/{officeId}/advisors': {
      kind: 'caller',
      outcomes: { kari: 403, ove: 403, vera: 200, per: 403, veraOnStine: 200, arne: 403, anonymous: 401, expired: 401 },
      request: () => ({ params: { officeId: '0219' } }),
    },
    'GET /api/persons/{personId}/kvp-periods': { kind: 'person', allow: { vera: same(person) }, target: person },
    'POST /api/persons/{personId}/kvp-periods': {
      kind: 'person',
      allow: {
        vera: async (ctx) => {
          await kvp(ctx, false);
          return { params: person(ctx).params, body: { reason: 'Matrix' } };
        },
      },
      target: (ctx) => ({ params: person(ctx).params, body: { reason: 'Matrix' } }),
    },
    'POST /api/persons/{personId}/kvp-periods/{kvpPeriodId}/end': {
      kind: 'person',
      allow: { vera: async (ctx) => ({ params: { personId: ctx.f.kari.personId, kvpPeriodId: (await kvp(ctx, true))! }, body: { reason: 'Matrix' } }) },
      target: (ctx) => ({ params: { personId: ctx.f.kari.personId, kvpPeriodId: ctx.kvpPeriodId }, body: { reason: 'Matrix' } }),
    },

    // --- the advisor workspace ---
    'POST /api/workspace/persons': {
      kind: 'caller',
      outcomes: { kari: 403, ove: 403, vera: 200, per: 403, veraOnStine: 200, arne: 403, anonymous: 401, expired: 401 },
      request: (_ctx, who) => ({ params: {}, body: { scope: 'OFFICE', officeId: '0219', ...(who === 'veraOnStine' ? { search: 'Stine' } : {}) } }),
      check: (body, who, ctx) => {
        const ids = (body.persons as Array<{ id: string }>).map((p) => p.id);
        if (who === 'veraOnStine' ? ids.length !== 0 || body.total !== 0 : !ids.includes(ctx.f.kari.personId) || ids.includes(ctx.stine.personId)) {
          throw new Error(`the workspace of ${who} lists ${JSON.stringify(ids)}`);
        }
      },
    },
    'GET /api/offices/{officeId}/settings': {
      kind: 'caller',
      outcomes: { kari: 403, ove: 403, vera: 200, per: 403, veraOnStine: 200, arne: 403, anonymous: 401, expired: 401 },
      request: () => ({ params: { officeId: '0219' } }),
    },
    'PUT /api/offices/{officeId}/settings': {
      kind: 'caller',
      outcomes: { kari: 403, ove: 403, vera: 200, per: 403, veraOnStine: 200, arne: 403, anonymous: 401, expired: 401 },
      request: () => ({ params: { officeId: '0219' }, body: { passiveAfterDays: 30 } }),
    },

    // --- audit ---
    'GET /api/persons/{personId}/access-log': { kind: 'person', allow: { kari: same(person) }, target: person },
  };
}

function fail(what: string): never {
  throw new Error(`unexpected answer about the ${what}`);
}

/** Set by the test before use: national ids of a protected person and of nobody. */
export const STINE_NATIONAL_ID = { value: '' };
export const NOBODY_NATIONAL_ID = { value: '' };
