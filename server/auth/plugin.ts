import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '#common/errors.ts';
import { isOutsideAppAuth } from './dev-idp/route-flag.ts';
import type { Principal } from './principal.ts';
import type { TokenVerifier } from './verify.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook: who is calling, or null without a valid login. */
    principal: Principal | null;
    /** How the caller logged in. */
    authVia: 'bearer' | 'session' | null;
    /** When the Bearer token runs out (null for a session or no login): a live stream ends then. */
    tokenExpiresAt: Date | null;
  }
}

export interface AuthHookDeps {
  verifier: TokenVerifier;
}

/**
 * Establishes `request.principal` from a Bearer token. A present but invalid token is a 401 at
 * once; no credentials leave the principal null and routes that need one answer 401.
 */
export function registerAuthHook(app: FastifyInstance, deps: AuthHookDeps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('tokenExpiresAt', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    // The identity provider's own endpoints authenticate their clients themselves (HTTP Basic).
    if (header === undefined || isOutsideAppAuth(request)) {
      return;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new AppError('unauthenticated', 'authorization: expected a Bearer token');
    }
    const verified = await deps.verifier.verifyWithExpiry(match[1]);
    request.principal = verified.principal;
    request.tokenExpiresAt = verified.expiresAt;
    request.authVia = 'bearer';
  });
}

/**
 * Every API route but the docs needs a login, and says so before it reads the input: a caller
 * without one learns 401, not what their request got wrong. Registered after every hook that can
 * establish a principal (Bearer, session cookie).
 */
export function requireLoginForApi(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (request.principal === null && route.startsWith('/api/') && !route.startsWith('/api/docs')) {
      throw new AppError('unauthenticated', 'Log in to continue');
    }
  });
}

/** The caller's principal, or 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) {
    throw new AppError('unauthenticated', 'Log in to continue');
  }
  return request.principal;
}
