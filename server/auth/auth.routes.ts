import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '#common/errors.ts';
import { SessionViewSchema, type SessionView as SessionViewType } from '#common/schemas/session.ts';
import type { Clock } from '#server/clock.ts';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import type { PersonLookup } from './dev-idp/accounts.ts';
import { requirePrincipal } from './plugin.ts';
import type { Principal } from './principal.ts';
import { clearSessionCookie, setSessionCookie, type SessionCookieSettings } from './session.hook.ts';
import type { OidcClient } from './session.oidc-client.ts';
import type { SessionService } from './session.service.ts';
import { deleteExpiredPendingAuthRequests, insertPendingAuthRequest, takePendingAuthRequest } from './session.store.ts';
import { principalFromClaims } from './verify.ts';

export interface AuthRoutesDeps {
  config: Config;
  db: Db;
  clock: Clock;
  sessions: SessionService;
  oidcClient: OidcClient;
  lookup: PersonLookup;
  cookie: SessionCookieSettings;
}

/** Binds a login to the browser that started it, so nobody can slip their own login into yours. */
const LOGIN_COOKIE = 'login_state';
const LOGIN_TTL_SECONDS = 10 * 60;

const SessionView = SessionViewSchema;
type SessionView = SessionViewType;

/** Only a path on this site: anything else (other hosts, `//host`, backslashes) becomes `/`. */
export function safeReturnTo(value: string | undefined, publicUrl: string): string {
  const controlOrBackslash = [...(value ?? '')].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (!value || !value.startsWith('/') || value.startsWith('//') || controlOrBackslash) {
    return '/';
  }
  const base = new URL(publicUrl);
  const url = new URL(value, base);
  return url.origin === base.origin ? `${url.pathname}${url.search}${url.hash}` : '/';
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRoutesDeps): void {
  const { config, db, clock, sessions, oidcClient } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const loginCookie = { path: '/auth/callback', httpOnly: true, sameSite: 'lax' as const, secure: deps.cookie.secure };

  r.get('/auth/login', { schema: { hide: true, querystring: z.object({ returnTo: z.string().max(2000).optional() }) } }, async (request, reply) => {
    const checks = oidcClient.newChecks();
    const now = clock.now();
    const url = await oidcClient.authorizationUrl(checks).catch((error: unknown) => {
      request.log.error({ err: errorSummary(error) }, 'identity provider discovery failed');
      throw new AppError('service_unavailable', 'The login service does not answer; try again shortly');
    });
    await deleteExpiredPendingAuthRequests(db, now);
    await insertPendingAuthRequest(db, {
      ...checks,
      returnTo: safeReturnTo(request.query.returnTo, config.publicUrl),
      expiresAt: new Date(now.getTime() + LOGIN_TTL_SECONDS * 1000),
    });
    reply.setCookie(LOGIN_COOKIE, checks.state, { ...loginCookie, maxAge: LOGIN_TTL_SECONDS });
    return reply.header('cache-control', 'no-store').redirect(url.href, 302);
  });

  const CallbackQuery = z.object({ state: z.string().max(500).optional(), error: z.string().max(200).optional() });
  r.get('/auth/callback', { schema: { hide: true, querystring: CallbackQuery } }, async (request, reply) => {
    const { state, error } = request.query;
    reply.clearCookie(LOGIN_COOKIE, loginCookie);
    if (error) {
      throw new AppError('unauthenticated', `The login was not completed (${error}); start again`);
    }
    if (!state || request.cookies[LOGIN_COOKIE] !== state) {
      throw new AppError('unauthenticated', 'This login was not started in this browser, or has expired; start again');
    }
    const pending = await takePendingAuthRequest(db, state, clock.now());
    if (!pending) {
      throw new AppError('unauthenticated', 'This login has expired or was already used; start again');
    }
    const callbackUrl = new URL(request.url, `${config.publicUrl}/`);
    const login = await oidcClient.completeLogin(callbackUrl, pending).catch((failure: unknown) => {
      request.log.warn({ err: errorSummary(failure) }, 'login could not be completed');
      throw new AppError('unauthenticated', 'The login could not be completed; start again');
    });
    const principal = principalFromClaims(login.claims);
    if (request.webSession) {
      await sessions.end(request.webSession, 'REPLACED');
    }
    const { cookieValue } = await sessions.create({ principal, displayName: await displayNameOf(principal, login.claims, deps.lookup), idToken: login.idToken });
    setSessionCookie(reply, cookieValue, deps.cookie);
    return reply.header('cache-control', 'no-store').redirect(pending.returnTo, 303);
  });

  const LogoutResult = z.object({ redirectTo: z.string() });
  r.post('/auth/logout', { schema: { tags: ['session'], response: { 200: LogoutResult } } }, async (request, reply) => {
    const session = request.webSession;
    clearSessionCookie(reply, deps.cookie);
    if (!session) {
      return { redirectTo: '/' };
    }
    await sessions.end(session, 'LOGOUT');
    // The development provider never remembers a login (prompt=login); a real issuer's session is ended there too.
    const issuerLogout = config.oidc.devIdp ? null : await oidcClient.endSessionUrl(session.idToken).catch(() => null);
    return { redirectTo: issuerLogout ?? '/' };
  });

  r.get('/api/session', { schema: { tags: ['session'], response: { 200: SessionView } } }, async (request) => view(request, config));

  r.post('/api/session/keepalive', { schema: { tags: ['session'], response: { 200: SessionView } } }, async (request) => {
    if (!request.webSession) {
      throw new AppError('unauthenticated', 'Log in to continue');
    }
    request.webSession = await sessions.touch(request.webSession, { force: true });
    return view(request, config);
  });
}

function view(request: FastifyRequest, config: Config): SessionView {
  const principal = requirePrincipal(request);
  const session = request.authVia === 'session' ? request.webSession : null;
  return {
    role: principal.kind,
    displayName: session ? session.displayName : principal.kind === 'advisor' ? principal.name : principal.kind === 'system' ? principal.clientId : null,
    via: session ? 'session' : 'bearer',
    idleExpiresAt: session ? session.idleExpiresAt.toISOString() : null,
    absoluteExpiresAt: session ? session.absoluteExpiresAt.toISOString() : null,
    csrfToken: session ? session.csrfToken : null,
    idleMinutes: config.session.idleMinutes,
    ...(principal.kind === 'advisor' ? { advisor: { ident: principal.ident, offices: principal.offices } } : {}),
  };
}

async function displayNameOf(principal: Principal, claims: Record<string, unknown>, lookup: PersonLookup): Promise<string | null> {
  if (principal.kind === 'advisor' && principal.name) {
    return principal.name;
  }
  if (typeof claims.name === 'string' && claims.name) {
    return claims.name;
  }
  if (principal.kind === 'citizen' || principal.kind === 'employer') {
    // Real issuers (ID-porten) give no name; the person register does. A register that is down costs the name only.
    return (await lookup(principal.nationalId).catch(() => null))?.displayName ?? null;
  }
  return null;
}

/** What may be logged about an auth failure: its kind, never tokens, claims or identities. */
function errorSummary(error: unknown): { name: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? { name: error.name, code } : { name: error.name };
  }
  return { name: typeof error };
}
