import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFixture, fillPath, WRITE_ROUTES, writeRequests, type RouteRequest } from '#test/api-fixtures.ts';
import { planDigest } from '#test/db-digest.ts';
import { bodyMutations, paramMutations, transportMutations, type HostileCase, type JsonSchema } from '#test/hostile-input.ts';
import { rawSql, type RawSql } from '#test/raw-sql.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * Bad input of every kind, generated for every write route of the OpenAPI document: each reply is
 * a 4xx in the error shape naming what is wrong, never a 500, and the database is exactly as it
 * was before. The generators start from a request the route accepts and break one thing in it.
 */
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
const NUM_RUNS = Number(process.env.BAD_INPUT_RUNS ?? 40);
const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

interface Operation {
  parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

let app: TestApp;
let sql: RawSql;
let doc: { paths: Record<string, Record<string, Operation>> };
let requests: Record<string, RouteRequest>;
const clients = new Map<string, Client>();

/** The write routes of the OpenAPI document, keyed `POST /api/…`. */
function writeRoutes(): Map<string, Operation> {
  const routes = new Map<string, Operation>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (path.startsWith('/api/') && WRITE_METHODS.includes(method)) {
        routes.set(`${method.toUpperCase()} ${path}`, operation);
      }
    }
  }
  return routes;
}

async function client(persona: string): Promise<Client> {
  let c = clients.get(persona);
  if (!c) {
    c = await app.as(persona);
    clients.set(persona, c);
  }
  return c;
}

function namesField(error: { message: string; details?: { issues?: Array<{ field: string }> } }, field: string): boolean {
  return error.message.startsWith(`${field}:`) || (error.details?.issues ?? []).some((issue) => issue.field === field);
}

beforeAll(async () => {
  app = await startTestApp();
  sql = rawSql(app.testDb.database);
  const fixture = await createPlanFixture(app);
  requests = writeRequests(fixture, app.clock.now());
  const reply = await app.anonymous().get('/api/docs/json');
  expect(reply.status).toBe(200);
  doc = reply.body;
});
afterAll(() => app?.close());

describe('bad input to write routes', () => {
  it('has a generator for every write route of the OpenAPI document, and none for a route that is gone', () => {
    const documented = [...writeRoutes().keys()];
    expect(documented.length).toBeGreaterThan(10);
    expect(documented.filter((route) => !(route in requests)), 'write routes without a generator (add them to tests/support/api-fixtures.ts)').toEqual([]);
    expect(Object.keys(requests).filter((route) => !documented.includes(route)), 'generators for routes not in the document').toEqual([]);
  });

  // One test per route, each with its own time: a route's cases run one after another.
  it.each(WRITE_ROUTES)('refuses bad input to %s with a 4xx naming the problem, and changes nothing', async (route) => {
    const operation = writeRoutes().get(route);
    const request = requests[route];
    if (!operation || !request) {
      return; // reported by the coverage test above
    }
    const [method, template] = route.split(' ') as [string, string];
    const schema = operation.requestBody?.content['application/json']?.schema;
    const idPattern = new RegExp(operation.parameters?.find((p) => p.in === 'path')?.schema.pattern ?? '^$');
    const arbitrary = fc.constantFrom(...request.variants).chain((variant) => {
      const kinds: Array<{ arbitrary: fc.Arbitrary<HostileCase>; weight: number }> = [
        { arbitrary: transportMutations(variant.body, schema !== undefined), weight: 2 },
      ];
      if (schema) {
        kinds.push({ arbitrary: bodyMutations(schema, variant.body), weight: 5 });
      }
      const params = paramMutations(request.params, idPattern, variant.body, schema !== undefined);
      if (params) {
        kinds.push({ arbitrary: params, weight: 1 });
      }
      return fc.oneof(...kinds).map((hostile) => ({ as: variant.as, hostile }));
    });

    const before = await planDigest(sql);
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ as, hostile }) => {
        const caller = await client(as);
        const path = fillPath(template, hostile.params ?? request.params);
        const reply = await caller.send(method, path, {
          ...(hostile.body !== undefined ? { body: hostile.body } : {}),
          ...(hostile.contentType ? { headers: { 'content-type': hostile.contentType } } : {}),
        });
        const what = `${route} as ${as}, ${hostile.label}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
        expect(reply.status, what).toBeLessThan(500);
        expect(reply.status, what).toBe(hostile.expect.status);
        expect(reply.headers.get('content-type'), what).toMatch(/^application\/json/);
        expect(reply.body, what).toEqual({ error: expect.objectContaining({ code: CODE_BY_STATUS[reply.status], message: expect.any(String) }) });
        if (hostile.expect.field) {
          expect(namesField(reply.body.error, hostile.expect.field), `${what}\nshould name ${hostile.expect.field}`).toBe(true);
        }
        expect(await planDigest(sql), `${what}\nchanged the database`).toEqual(before);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 30_000 + NUM_RUNS * 500);

  // The router's own refusals go through the one error handler too (frameworkErrors in buildApp).
  it('answers a path id longer than the router allows, or badly percent-encoded, in the error shape', async () => {
    const vera = await client('vera');
    for (const path of [`/api/activities/${'a'.repeat(101)}/status`, '/api/activities/%E0%A4%A/status']) {
      const reply = await vera.put(path, { version: 1, status: 'PLANNED' });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
    }
  });
});
