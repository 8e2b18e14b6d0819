import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it('answers health and readiness without a login', async () => {
  const anonymous = app.anonymous();
  expect((await anonymous.get('/health/live')).body).toEqual({ status: 'up' });
  expect((await anonymous.get('/health/ready')).body).toEqual({ status: 'ready' });
});

it('exposes metrics by route pattern, never by URL', async () => {
  const { personId } = await app.startPeriod('kari');
  await (await app.as('kari')).get(`/api/persons/${personId}/plan`);
  const metrics = await app.anonymous().get('/metrics');
  expect(metrics.status).toBe(200);
  expect(metrics.body).toContain('http_request_duration_seconds_bucket');
  expect(metrics.body).toContain('route="/api/persons/:personId/plan"');
  expect(metrics.body).not.toContain(personId);
});

it('documents every API route in the OpenAPI document', async () => {
  const doc = (await app.anonymous().get('/api/docs/json')).body;
  const documented = new Set<string>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(methods)) {
      documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
  const routes = app.server.routes
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
    .map((r) => `${r.method} ${r.url}`);
  expect(routes.length).toBeGreaterThan(15);
  expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  // The national id is sent in bodies only: no documented route takes it as a path or query parameter.
  expect(JSON.stringify(doc.paths)).not.toMatch(/"in":"(path|query)","name":"nationalId"/);
});

it('answers unknown routes with the JSON error shape', async () => {
  const reply = await app.anonymous().get('/api/nothing-here');
  expect(reply.status).toBe(404);
  expect(reply.body).toEqual({ error: { code: 'not_found', message: 'No such resource' } });
});
