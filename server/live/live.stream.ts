import { PassThrough } from 'node:stream';
import type { LiveEvent, LiveEventKind } from '#common/schemas/dialog.ts';
import type { Clock } from '#server/clock.ts';
import type { Db } from '#server/db/database.ts';
import type { LiveHub, LiveLog } from './live.hub.ts';
import { audiencesOf, hearsKvp, latestLiveEventId, listLiveEventsAfter, liveRetention, type KvpOffices, type LiveNotice } from './live.repository.ts';

/** Most stored events a reconnecting page is sent; with more it is told to read everything again. */
export const CATCH_UP_LIMIT = 500;
/** How long a browser waits before it reconnects a dropped stream. */
const RETRY_MS = 2_000;
/** A client that reads this far behind is cut off (it reconnects and catches up). */
const MAX_BUFFERED_BYTES = 256 * 1024;

export interface LiveStreamOptions {
  db: Db;
  hub: LiveHub;
  clock: Clock;
  log: LiveLog;
  heartbeatMs: number;
  personId: string;
  side: 'CITIZEN' | 'NAV';
  /** The offices whose KVP content the caller sees (access-policy.ts kvpOfficesOf); null sees all. */
  kvpOffices: KvpOffices;
  /** The last event id the client saw (Last-Event-ID or ?after=), or null for a fresh page. */
  after: number | null;
  /** The web session behind the stream, whose logout ends it at once. */
  sessionId: string | null;
  /** Asked on every heartbeat: false (the session ended or expired, the token ran out) ends the stream. */
  loginHolds(): Promise<boolean>;
}

export interface LiveStream {
  /** What the reply sends: SSE text. */
  body: PassThrough;
  /** Ends the stream; `session.ended` first when the login has ended. */
  end(reason: 'session.ended' | 'shutdown'): void;
}

function eventOf(notice: LiveNotice): LiveEvent {
  return { id: String(notice.id), kind: notice.kind, actorSide: notice.actorSide, payload: notice.payload, at: notice.at };
}

function frame(event: LiveEvent, withId: boolean): string {
  return `${withId ? `id: ${event.id}\n` : ''}event: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Whether events after `after` may be gone: pruned, or an id this database never gave out. */
function cannotCatchUp(after: number, retention: { oldestId: number | null; lastIssuedId: number }): boolean {
  if (after > retention.lastIssuedId) {
    return true;
  }
  return retention.oldestId === null ? retention.lastIssuedId > after : retention.oldestId > after + 1;
}

/**
 * Opens one person's stream: subscribes first, then reads what the client missed, so that an event
 * committed in between comes by both ways and is sent once (by id). A fresh page is given the id to
 * count from; a page that reconnects gets the stored events after its last id, or `resync`.
 */
export async function openLiveStream(options: LiveStreamOptions): Promise<LiveStream> {
  const { db, hub, clock, log, personId, side, kvpOffices } = options;
  const body = new PassThrough();
  const audiences = audiencesOf(side);
  const caughtUp = new Set<number>();
  // A reconnecting client has seen everything up to its last id, and one told to resync reads
  // everything afresh: a notice at or below that id reaching the hub late is not sent. (A fresh
  // page keeps every notice that arrives once subscribed: it may have read its data before.)
  let floor = 0;
  const toSend = (notice: LiveNotice) => notice.id > floor && !caughtUp.has(notice.id);
  let pending: LiveNotice[] | null = [];
  let ended = false;

  const write = (text: string) => {
    if (ended || body.destroyed) {
      return;
    }
    if (body.writableLength > MAX_BUFFERED_BYTES) {
      log.warn('live updates: a client reads too slowly; its stream is cut off');
      body.destroy();
      return;
    }
    body.write(text);
  };
  const control = (kind: LiveEventKind, id: number | null): string =>
    frame({ id: id === null ? '' : String(id), kind, actorSide: null, payload: {}, at: clock.now().toISOString() }, id !== null);

  const unsubscribe = hub.subscribe(personId, {
    notice(notice) {
      if (!audiences.includes(notice.audience) || !hearsKvp(kvpOffices, notice.kvpOfficeId)) {
        return;
      }
      if (pending) {
        pending.push(notice);
      } else if (toSend(notice)) {
        write(frame(eventOf(notice), true));
      }
    },
    gap: () => write(control('resync', null)),
  });

  let opening: string;
  try {
    opening = await catchUp();
  } catch (error) {
    unsubscribe();
    throw error;
  }

  async function catchUp(): Promise<string> {
    const start = `retry: ${RETRY_MS}\n`;
    if (options.after === null) {
      // Where this page counts from; 0 when the person has no events yet.
      return `${start}id: ${(await latestLiveEventId(db, personId)) ?? 0}\n\n`;
    }
    const after = options.after;
    floor = after;
    const resync = async () => {
      floor = (await latestLiveEventId(db, personId)) ?? 0;
      return `${start}\n${control('resync', floor)}`;
    };
    if (after > 0 && cannotCatchUp(after, await liveRetention(db))) {
      return resync();
    }
    const missed = await listLiveEventsAfter(db, personId, after, side, kvpOffices, CATCH_UP_LIMIT + 1);
    if (missed.length > CATCH_UP_LIMIT) {
      return resync();
    }
    missed.forEach((notice) => caughtUp.add(notice.id));
    return `${start}\n${missed.map((notice) => frame(eventOf(notice), true)).join('')}`;
  }

  write(opening);
  const arrived = pending;
  pending = null;
  for (const notice of arrived) {
    if (toSend(notice)) {
      write(frame(eventOf(notice), true));
    }
  }

  let checking = false;
  const heartbeat = setInterval(() => {
    write(': heartbeat\n\n');
    if (checking) {
      return;
    }
    checking = true;
    options
      .loginHolds()
      .then((holds) => {
        if (!holds) {
          end('session.ended');
        }
      })
      .catch(() => log.warn('live updates: could not check the login of a stream'))
      .finally(() => {
        checking = false;
      });
  }, options.heartbeatMs);
  heartbeat.unref();
  const unwatch = options.sessionId ? hub.watchSession(options.sessionId, () => end('session.ended')) : () => undefined;

  function cleanUp(): void {
    clearInterval(heartbeat);
    unsubscribe();
    unwatch();
  }

  function end(reason: 'session.ended' | 'shutdown'): void {
    if (ended) {
      return;
    }
    if (reason === 'session.ended') {
      write(control('session.ended', null));
    }
    ended = true;
    cleanUp();
    body.end();
  }

  // The client went away (Fastify destroys the body) or the stream ended.
  body.on('close', () => {
    ended = true;
    cleanUp();
  });
  return { body, end };
}
