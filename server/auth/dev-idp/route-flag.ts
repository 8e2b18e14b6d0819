import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route does its own authentication (the identity provider's endpoints and pages, the dev
     * token endpoint): the app's Bearer and session hooks leave it alone. Without this, a client
     * authenticating at the token endpoint with HTTP Basic would be refused as "not a Bearer token".
     */
    outsideAppAuth?: boolean;
  }
}

export const OUTSIDE_APP_AUTH = { outsideAppAuth: true } as const;

export function isOutsideAppAuth(request: FastifyRequest): boolean {
  return request.routeOptions.config?.outsideAppAuth === true;
}
