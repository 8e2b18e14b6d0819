import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Database } from '#server/db/database.ts';

/** /health/live, /health/ready and /metrics; public and outside the API docs. */
export function registerObservability(app: FastifyInstance, database: Database): void {
  const registry = new client.Registry();
  // Finer GC buckets than the default: pauses of 10–50 ms are what a p99 of a few ms feels.
  client.collectDefaultMetrics({ register: registry, gcDurationBuckets: [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5, 1] });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the URL: URLs carry opaque ids that should not fan out labels.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const hide = { schema: { hide: true } };
  app.get('/health/live', hide, async () => ({ status: 'up' }));
  app.get('/health/ready', hide, async (_request, reply) => {
    try {
      await database.db.selectFrom('schema_migration' as never).select((eb) => eb.lit(1).as('one')).limit(1).execute();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'not ready' });
    }
  });
  app.get('/metrics', hide, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
