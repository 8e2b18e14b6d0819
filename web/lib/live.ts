import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveEvent, LiveEventKind } from '#common/schemas/dialog.ts';
import { setLiveOpen } from './live-status.ts';
import { keys } from './queries.ts';

/**
 * Live updates of one person's pages: one EventSource per person (a page and the pages it leads to
 * share it), opened with the session cookie. Each event says what changed, by id; the queries that
 * show it are read again. The browser reconnects a dropped stream itself and sends the last event
 * id, so the server sends what was missed (or `resync`). While the stream is not open the plan and
 * activity queries poll instead (live-status.ts).
 */
const THREAD_KINDS = ['message.sent', 'thread.changed', 'thread.read', 'escalation.changed'] as const;
const KINDS: readonly LiveEventKind[] = ['plan.changed', ...THREAD_KINDS, 'resync', 'session.ended'];

/** After the server refused or ended a stream, the next try waits this long, doubling up to the max. */
const REOPEN_MIN_MS = 2_000;
const REOPEN_MAX_MS = 60_000;

/** A person id as the server issues them (an address with anything else shows "not found", no stream). */
const PERSON_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The last event id seen per person: a stream opened later (another page) starts after it. */
const lastSeen = new Map<string, string>();

interface Connection {
  users: number;
  stop(): void;
}
const connections = new Map<string, Connection>();

/** Everything shown about the person except the drafts (they are the author's own, restored once). */
function personQueries(personId: string) {
  return { predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] === 'person' && query.queryKey[1] === personId && query.queryKey[2] !== 'drafts' };
}

function apply(client: QueryClient, personId: string, kind: LiveEventKind, event: LiveEvent | null): void {
  const payload = event?.payload ?? {};
  if (kind === 'plan.changed') {
    void client.invalidateQueries(personQueries(personId));
    // Without an activity it was the goal or the period, which decides what may be edited on any activity page.
    void client.invalidateQueries({ queryKey: payload.activityId ? keys.activity(payload.activityId) : ['activity'] });
  } else if ((THREAD_KINDS as readonly string[]).includes(kind)) {
    void client.invalidateQueries({ queryKey: ['person', personId, 'threads'] });
    void client.invalidateQueries({ queryKey: keys.unreadThreads(personId) });
    if (kind === 'escalation.changed') {
      void client.invalidateQueries({ queryKey: ['person', personId, 'escalation-warnings'] });
    }
    if (payload.threadId) {
      void client.invalidateQueries({ queryKey: keys.thread(payload.threadId) });
    }
  } else if (kind === 'resync') {
    void client.invalidateQueries(personQueries(personId));
    void client.invalidateQueries({ queryKey: ['activity'] });
    void client.invalidateQueries({ queryKey: ['thread'] });
  }
}

function parse(data: unknown): LiveEvent | null {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as LiveEvent) : null;
  } catch {
    return null;
  }
}

function connect(client: QueryClient, personId: string): () => void {
  let source: EventSource | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | null = null;
  let reopenMs = REOPEN_MIN_MS;
  let open = false;
  let stopped = false;

  const down = () => {
    if (open) {
      open = false;
      setLiveOpen(personId, false);
      // Read now, and poll from then on until the stream is back.
      void client.invalidateQueries(personQueries(personId));
    }
  };

  const reopenLater = () => {
    source?.close();
    source = null;
    if (!stopped && reopenTimer === null) {
      reopenTimer = setTimeout(() => {
        reopenTimer = null;
        start();
      }, reopenMs);
      reopenMs = Math.min(REOPEN_MAX_MS, reopenMs * 2);
    }
  };

  function start(): void {
    const after = lastSeen.get(personId);
    const stream = new EventSource(`/api/persons/${personId}/events${after ? `?after=${encodeURIComponent(after)}` : ''}`);
    source = stream;
    stream.onopen = () => {
      reopenMs = REOPEN_MIN_MS;
      open = true;
      setLiveOpen(personId, true);
    };
    stream.onerror = () => {
      down();
      // CONNECTING: the browser tries again by itself. CLOSED: it gave up (the server refused); try later.
      if (stream.readyState === EventSource.CLOSED) {
        reopenLater();
      }
    };
    for (const kind of KINDS) {
      stream.addEventListener(kind, (message) => {
        const { data, lastEventId } = message as MessageEvent;
        if (lastEventId) {
          lastSeen.set(personId, lastEventId);
        }
        if (kind === 'session.ended') {
          // The login is gone: the shell reads the session again and shows the login page (or, when
          // this browser has logged in again meanwhile, the stream opens again with the new session).
          down();
          reopenLater();
          void client.invalidateQueries({ queryKey: keys.session });
          return;
        }
        apply(client, personId, kind, parse(data));
      });
    }
  }

  start();
  return () => {
    stopped = true;
    if (reopenTimer !== null) {
      clearTimeout(reopenTimer);
    }
    source?.close();
    open = false;
    setLiveOpen(personId, false);
  };
}

/**
 * Keeps the person's live stream open while a page of theirs is mounted. Several pages (or a page
 * and its successor during navigation) share one stream; it closes a moment after the last leaves.
 */
export function useLiveUpdates(personId: string | null | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!personId || !PERSON_ID.test(personId) || typeof EventSource === 'undefined') {
      return undefined;
    }
    let connection = connections.get(personId);
    if (!connection) {
      const stop = connect(client, personId);
      const created: Connection = { users: 0, stop };
      connection = created;
      connections.set(personId, created);
    }
    connection.users += 1;
    const held = connection;
    return () => {
      held.users -= 1;
      // A page that replaces this one in the same render takes the stream over instead of reopening it.
      setTimeout(() => {
        if (held.users === 0 && connections.get(personId) === held) {
          connections.delete(personId);
          held.stop();
        }
      }, 0);
    };
  }, [client, personId]);
}
