import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { SESSION_ENDED_CHANNEL } from '#server/auth/session.store.ts';
import type { Clock } from '#server/clock.ts';
import type { Database } from '#server/db/database.ts';
import { LIVE_CHANNEL, pruneLiveEvents, type LiveNotice } from './live.repository.ts';

/**
 * One per app instance: a single LISTEN on the database for every live event and every ended
 * session, fanned out in memory to the streams open on this instance. PostgreSQL: a dedicated
 * connection outside the pool (a pooled one would be handed to queries), reconnected with backoff
 * when it drops; the embedded PGlite: its own listen(). A drop may have lost notices, so every
 * subscriber is told to read everything again once the hub listens again.
 */
export interface LiveSubscriber {
  notice(notice: LiveNotice): void;
  /** Notices may have been missed (the hub's connection dropped and is back). */
  gap(): void;
}

export interface LiveHub {
  subscribe(personId: string, subscriber: LiveSubscriber): () => void;
  /** Calls `ended` when the session with this id ends (logout on any instance). */
  watchSession(sessionId: string, ended: () => void): () => void;
  /** Streams subscribed on this instance. */
  subscriberCount(): number;
  close(): Promise<void>;
}

export type LiveLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export interface LiveHubOptions {
  clock: Clock;
  log: LiveLog;
  /** How often this instance deletes events older than `retentionMs`; 0 turns it off. */
  pruneEveryMs?: number;
  retentionMs?: number;
  /** Backoff of reconnects to PostgreSQL. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

export const LIVE_RETENTION_MS = 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const CHANNELS = [LIVE_CHANNEL, SESSION_ENDED_CHANNEL];

interface Listening {
  close(): Promise<void>;
}

type OnMessage = (channel: string, payload: string) => void;

/** What may be logged about a database error: its kind, never its text (which can quote data). */
function errorKind(error: unknown): { name: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? { name: error.name, code } : { name: error.name };
  }
  return { name: typeof error };
}

async function listenEmbedded(database: Database, onMessage: OnMessage): Promise<Listening> {
  const pglite = database.pglite!;
  const stops = await Promise.all(CHANNELS.map((channel) => pglite.listen(channel, (payload) => onMessage(channel, payload))));
  return {
    async close() {
      if (!pglite.closed) {
        await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
      }
    },
  };
}

async function listenServer(database: Database, onMessage: OnMessage, reconnected: () => void, options: LiveHubOptions): Promise<Listening> {
  const config: pg.ClientConfig = { ...(database.pool!.options as pg.ClientConfig), application_name: 'aktivitetsplan-live', keepAlive: true, keepAliveInitialDelayMillis: 10_000 };
  const minMs = options.reconnectMinMs ?? 200;
  const maxMs = options.reconnectMaxMs ?? 5_000;
  let current: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const client = new pg.Client(config);
    client.on('notification', (message) => onMessage(message.channel, message.payload ?? ''));
    client.on('error', (error) => dropped(client, error));
    client.on('end', () => dropped(client));
    try {
      await client.connect();
      for (const channel of CHANNELS) {
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      client.removeAllListeners('notification');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    attempt = 0;
  }

  function dropped(client: pg.Client, error?: unknown): void {
    if (client !== current || closed) {
      return;
    }
    current = null;
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    options.log.warn({ err: error === undefined ? undefined : errorKind(error) }, 'live updates: the LISTEN connection dropped; reconnecting');
    retry();
  }

  function retry(): void {
    const delay = Math.min(maxMs, minMs * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      connect().then(
        () => {
          if (!closed) {
            options.log.info('live updates: listening again');
            reconnected();
          }
        },
        () => {
          if (!closed) {
            retry();
          }
        },
      );
    }, delay);
    timer.unref();
  }

  await connect();
  return {
    async close() {
      closed = true;
      if (timer) {
        clearTimeout(timer);
      }
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}

function parseNotice(payload: string): LiveNotice | null {
  try {
    const notice = JSON.parse(payload) as LiveNotice;
    return typeof notice.id === 'number' && typeof notice.personId === 'string' && typeof notice.kind === 'string' ? notice : null;
  } catch {
    return null;
  }
}

export async function startLiveHub(database: Database, options: LiveHubOptions): Promise<LiveHub> {
  const byPerson = new Map<string, Set<LiveSubscriber>>();
  const bySession = new Map<string, Set<() => void>>();
  let count = 0;

  const each = <T>(set: Set<T> | undefined, call: (item: T) => void) => {
    for (const item of [...(set ?? [])]) {
      try {
        call(item);
      } catch (error) {
        options.log.error({ err: errorKind(error) }, 'live updates: a subscriber failed');
      }
    }
  };

  const onMessage: OnMessage = (channel, payload) => {
    if (channel === SESSION_ENDED_CHANNEL) {
      each(bySession.get(payload), (ended) => ended());
      return;
    }
    const notice = parseNotice(payload);
    if (notice) {
      each(byPerson.get(notice.personId), (subscriber) => subscriber.notice(notice));
    }
  };
  const reconnected = () => {
    for (const set of byPerson.values()) {
      each(set, (subscriber) => subscriber.gap());
    }
  };

  const listening = database.pglite ? await listenEmbedded(database, onMessage) : await listenServer(database, onMessage, reconnected, options);

  const pruneEveryMs = options.pruneEveryMs ?? PRUNE_EVERY_MS;
  const retentionMs = options.retentionMs ?? LIVE_RETENTION_MS;
  const pruner =
    pruneEveryMs > 0
      ? setInterval(() => {
          pruneLiveEvents(database.db, new Date(options.clock.now().getTime() - retentionMs)).catch((error: unknown) =>
            options.log.warn({ err: errorKind(error) }, 'live updates: pruning old events failed'),
          );
        }, pruneEveryMs)
      : null;
  pruner?.unref();

  function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): () => void {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    set.add(value);
    return () => {
      const current = map.get(key);
      if (current?.delete(value) && current.size === 0) {
        map.delete(key);
      }
    };
  }

  return {
    subscribe(personId, subscriber) {
      const remove = add(byPerson, personId, subscriber);
      count += 1;
      let removed = false;
      return () => {
        if (!removed) {
          removed = true;
          count -= 1;
          remove();
        }
      };
    },
    watchSession: (sessionId, ended) => add(bySession, sessionId, ended),
    subscriberCount: () => count,
    async close() {
      if (pruner) {
        clearInterval(pruner);
      }
      await listening.close();
    },
  };
}
