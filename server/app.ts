import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.ts';
import { registerAuthHook, requireLoginForApi } from './auth/plugin.ts';
import { registerWebLogin } from './auth/session.ts';
import { frameworkErrorHandler, registerErrorHandling } from './http/errors.ts';
import { loggerOptions } from './http/logger.ts';
import { registerObservability } from './http/observability.ts';
import { registerOpenApi } from './http/openapi.ts';
import { createSerializerCompiler } from './http/serializer.ts';
import { registerWebApp } from './http/web-app.ts';
import { registerLiveUpdates } from './live/live.routes.ts';
import { createServices, type Services } from './services.ts';
import { registerFeatureRoutes } from './routes.ts';

export type { AppDeps } from './deps.ts';

/** Largest body any route accepts; the longest text field is 5,000 characters. */
const BODY_LIMIT_BYTES = 100 * 1024;

/** Builds the app: wires configuration, database, auth and features. No DI framework. */
export interface RouteInfo {
  method: string;
  url: string;
}

export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; services: Services; routes: RouteInfo[] }> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel, deps.logStream),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.env === 'production',
    // Opaque ids only in URLs; long path parameters are refused rather than parsed.
    routerOptions: { maxParamLength: 100 },
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler(deps.config.env === 'test'));
  // JSON only: any other content type is a 415 naming the header.
  app.removeContentTypeParser('text/plain');

  // Every route, for the test that holds the OpenAPI document and the access matrix complete.
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url });
    }
  });
  registerErrorHandling(app, await registerWebApp(app, deps.config.webDir));
  await registerOpenApi(app);
  registerObservability(app, deps.database);
  registerAuthHook(app, { verifier: deps.verifier });
  // Web login: dev identity provider (when on), sessions, CSRF, /auth/* and /api/session.
  const sessions = await registerWebLogin(app, deps);
  requireLoginForApi(app);

  const services = createServices(deps);
  await registerFeatureRoutes(app, services);
  // Live updates: this instance's LISTEN hub (stopped when the app closes) and the event stream route.
  await registerLiveUpdates(app, { database: deps.database, clock: deps.clock, heartbeatMs: deps.config.live.heartbeatMs, sessions, persons: services.persons });
  return { app, services, routes };
}
