import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '#server/clock.ts';
import type { Config } from '#server/config.ts';
import type { Database } from '#server/db/database.ts';
import type { PersonRegister } from '#server/registers/types.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { createPersonLookup } from './dev-idp/accounts.ts';
import { registerDevTokenRoute } from './dev-idp/dev-token.routes.ts';
import { loadOrCreateSigningKeys } from './keys.ts';
import { registerSessionHook } from './session.hook.ts';
import { createOidcClient } from './session.oidc-client.ts';
import { createSessionService, type SessionService } from './session.service.ts';

/** What web login needs from the app's dependencies (AppDeps fits). */
export interface WebLoginDeps {
  config: Config;
  database: Database;
  clock: Clock;
  personRegister?: PersonRegister;
}

/**
 * Everything about logging in through a browser, in one call from buildApp: the development
 * identity provider under /oidc (when on), the dev token endpoint, the session hook (after the
 * Bearer hook, which wins when both are present), /auth/login|callback|logout and /api/session.
 * Returns the session service (live streams check on it that their session still holds).
 */
export async function registerWebLogin(app: FastifyInstance, deps: WebLoginDeps): Promise<SessionService> {
  const { config, clock } = deps;
  const db = deps.database.db;
  if (!app.hasRequestDecorator('cookies')) {
    await app.register(fastifyCookie);
  }
  const lookup = createPersonLookup(db, deps.personRegister);
  if (config.oidc.devIdp) {
    const signingKeys = await loadOrCreateSigningKeys(db);
    // Loaded only when on: production never loads the development identity provider at all.
    const { mountDevIdp } = await import('./dev-idp/mount.ts');
    await mountDevIdp(app, { config, db, signingKeys, lookup });
    if (config.env !== 'production') {
      registerDevTokenRoute(app, { config, db, clock, signingKeys, lookup });
    }
  }
  const sessions = createSessionService(db, clock, config.session);
  const cookie = { secure: config.publicUrl.startsWith('https:'), maxAgeSeconds: config.session.maxHours * 3600 };
  registerSessionHook(app, sessions, cookie);
  registerAuthRoutes(app, { config, db, clock, sessions, oidcClient: createOidcClient(config), lookup, cookie });
  return sessions;
}
