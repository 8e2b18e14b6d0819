import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#common/errors.ts';
import { isOutsideAppAuth } from './dev-idp/route-flag.ts';
import type { SessionService } from './session.service.ts';
import type { StoredSession } from './session.store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The web session behind the `sid` cookie, when that is how the caller logged in. */
    webSession: StoredSession | null;
  }
  interface FastifyContextConfig {
    /**
     * Requests to this route never count as the person being active, header or not: a browser's
     * EventSource (live streams) cannot send `x-background`.
     */
    background?: boolean;
  }
}

export const SESSION_COOKIE = 'sid';
export const CSRF_HEADER = 'x-csrf-token';
/** Sent by polling and live streams: such requests do not count as the person being active. */
export const BACKGROUND_HEADER = 'x-background';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionCookieSettings {
  secure: boolean;
  maxAgeSeconds: number;
}

export function setSessionCookie(reply: FastifyReply, value: string, settings: SessionCookieSettings): void {
  reply.setCookie(SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: settings.secure, maxAge: settings.maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, settings: SessionCookieSettings): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: settings.secure });
}

/**
 * Runs after the Bearer hook: a valid `sid` cookie sets the principal, unless the request carries
 * an Authorization header (Bearer wins). A cookie-authenticated request that can change something
 * must echo the session's CSRF token in `x-csrf-token`: SameSite=Lax already stops most cross-site
 * writes, the token stops the rest (same-site subdomains, old browsers). An ended or expired
 * session counts as no login; its cookie is cleared so the browser stops sending it.
 */
export function registerSessionHook(app: FastifyInstance, sessions: SessionService, cookie: SessionCookieSettings): void {
  app.decorateRequest('webSession', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.authorization !== undefined || isOutsideAppAuth(request)) {
      return;
    }
    const cookieValue = request.cookies[SESSION_COOKIE];
    if (!cookieValue) {
      return;
    }
    let session = await sessions.resolve(cookieValue);
    if (!session) {
      clearSessionCookie(reply, cookie);
      return;
    }
    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(request, session.csrfToken)) {
      throw new AppError(
        'forbidden',
        `${CSRF_HEADER}: a request made with the session cookie must send the session's CSRF token in this header (GET /api/session gives it)`,
      );
    }
    if (request.headers[BACKGROUND_HEADER] !== '1' && request.routeOptions.config?.background !== true) {
      session = await sessions.touch(session);
    }
    request.principal = session.principal;
    request.authVia = 'session';
    request.webSession = session;
  });
}

function csrfTokenMatches(request: FastifyRequest, expected: string): boolean {
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string') {
    return false;
  }
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
