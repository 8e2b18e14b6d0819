import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LiveEventSchema } from '#common/schemas/dialog.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import type { Principal } from '#server/auth/principal.ts';
import { SESSION_COOKIE } from '#server/auth/session.hook.ts';
import type { SessionService } from '#server/auth/session.service.ts';
import type { Clock } from '#server/clock.ts';
import type { Database } from '#server/db/database.ts';
import { ERROR_RESPONSES, PersonParams, SECURITY } from '#server/http/schemas.ts';
import { kvpOfficesOf } from '#server/policy/access-policy.ts';
import { startLiveHub, type LiveHub } from './live.hub.ts';
import { openLiveStream, type LiveStream } from './live.stream.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's live hub (tests and the benchmark read its subscriber count). */
    liveHub: LiveHub;
    /** The streams open on this instance: ended all at once when the app closes (and by tests, as a dropped connection). */
    liveStreams: { count(): number; endAll(): void };
  }
}

export interface LiveUpdatesDeps {
  database: Database;
  clock: Clock;
  heartbeatMs: number;
  sessions: SessionService;
  /** Access to a person, answering 404 when out of reach (the person feature's service fits). */
  persons: { resolve(principal: Principal, personId: string, use: null): Promise<unknown> };
}

/** An event id as a client sends it back; anything else is no id. */
const EVENT_ID = /^\d{1,15}$/;

const LiveQuery = z.object({
  /** The last event id the page saw, for a page that opens a new stream (EventSource sends Last-Event-ID itself on reconnect). */
  after: z.string().regex(EVENT_ID, { message: 'must be an event id' }).optional(),
});

/** Whether the login behind the request still holds: the session is not ended or expired, the token has not run out. */
function loginCheck(request: FastifyRequest, sessions: SessionService, clock: Clock): () => Promise<boolean> {
  const cookieValue = request.authVia === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
  if (cookieValue) {
    return async () => (await sessions.resolve(cookieValue)) !== null;
  }
  const expiresAt = request.tokenExpiresAt;
  return async () => expiresAt === null || clock.now().getTime() < expiresAt.getTime();
}

/**
 * Live updates (Server-Sent Events): starts this instance's hub and mounts the stream route. Open
 * streams end when the app closes (a browser reconnects to another instance and catches up).
 */
export async function registerLiveUpdates(app: FastifyInstance, deps: LiveUpdatesDeps): Promise<LiveHub> {
  const { database, clock, sessions } = deps;
  const hub = await startLiveHub(database, { clock, log: app.log });
  app.decorate('liveHub', hub);
  const open = new Set<LiveStream>();
  const liveStreams = {
    count: () => open.size,
    endAll() {
      for (const stream of [...open]) {
        stream.end('shutdown');
      }
    },
  };
  app.decorate('liveStreams', liveStreams);
  app.addHook('preClose', async () => liveStreams.endAll());
  app.addHook('onClose', async () => hub.close());

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/persons/:personId/events',
    {
      // Holding a stream open is not the person being active: it never extends the session's idle timeout.
      config: { background: true },
      schema: {
        tags: ['live'],
        summary: 'Live updates of a person: what changed in the plan and the dialog, as Server-Sent Events',
        description:
          'Each event is `id: <event id>`, `event: <kind>`, `data: <LiveEvent JSON>` (ids only; read what changed with the other routes). ' +
          'A client that reconnects sends the last id it saw in `Last-Event-ID` (EventSource does) or as `?after=`, and gets the stored ' +
          'events after it, or `resync` when they are too many or no longer kept (read everything again). A comment line comes as a ' +
          'heartbeat. The stream ends with `session.ended` when the login ends (logout, session expiry, token expiry).',
        security: SECURITY,
        params: PersonParams,
        querystring: LiveQuery,
        response: {
          200: { description: 'A stream of live events', content: { 'text/event-stream': { schema: LiveEventSchema } } },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { personId } = request.params;
      // Not audited: the stream carries ids only; what the page then reads is audited by its own reads.
      await deps.persons.resolve(principal, personId, null);
      const lastEventId = request.headers['last-event-id'];
      const given = typeof lastEventId === 'string' && EVENT_ID.test(lastEventId) ? lastEventId : request.query.after;
      const stream = await openLiveStream({
        db: database.db,
        hub,
        clock,
        log: request.log,
        heartbeatMs: deps.heartbeatMs,
        personId,
        side: principal.kind === 'citizen' ? 'CITIZEN' : 'NAV',
        kvpOffices: kvpOfficesOf(principal),
        after: given === undefined ? null : Number(given),
        sessionId: request.authVia === 'session' ? (request.webSession?.id ?? null) : null,
        loginHolds: loginCheck(request, sessions, clock),
      });
      open.add(stream);
      stream.body.on('close', () => open.delete(stream));
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        // A stream is sent as it is written (never serialised); the schema above describes its events.
        .send(stream.body as never);
    },
  );
  return hub;
}
