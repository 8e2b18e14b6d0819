import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Draft, Thread, ThreadList } from '#common/schemas/dialog.ts';
import { api, queryString } from '#web/lib/api-client.ts';
import { keys } from '#web/lib/queries.ts';

/**
 * The dialog's reads. Types only from the schemas (no zod here): the header and the board use
 * these too, and they are in the first load. Live events (web/lib/live.ts) invalidate the keys, so
 * nothing here polls; a page coming back into view reads again.
 */
export function threadsQuery(personId: string, periodId?: string) {
  return queryOptions({
    queryKey: keys.threads(personId, periodId),
    queryFn: ({ signal }) => api.get<ThreadList>(`/api/persons/${personId}/threads${queryString({ periodId })}`, { background: 'auto', signal }),
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
}

export function useThreads(personId: string, periodId?: string, enabled = true) {
  return useQuery({
    ...threadsQuery(personId, periodId),
    enabled,
    // While another period loads, the list keeps what it showed — of this person only.
    placeholderData: (previous) => (previous?.personId === personId ? previous : undefined),
  });
}

/** The header badge: how many threads have something this side has not read. */
export function useUnreadThreads(personId: string | null) {
  return useQuery({
    queryKey: keys.unreadThreads(personId ?? ''),
    queryFn: ({ signal }) => api.get<{ unreadThreads: number }>(`/api/persons/${personId}/threads/unread`, { background: 'auto', signal }),
    enabled: Boolean(personId),
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
}

export function useThread(threadId: string | null) {
  return useQuery({
    queryKey: keys.thread(threadId ?? ''),
    queryFn: ({ signal }) => api.get<Thread>(`/api/threads/${threadId}`, { background: 'auto', signal }),
    enabled: Boolean(threadId),
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
}

/** The caller's own drafts (current period, younger than a day), read when the dialog opens. */
export function useDrafts(personId: string) {
  return useQuery({
    queryKey: keys.drafts(personId),
    queryFn: ({ signal }) => api.get<Draft[]>(`/api/persons/${personId}/drafts`, { signal }),
    // A draft is restored once, when a composer opens; later saves are the composer's own.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** After a message, a read or a status change: the lists, the badge and the thread are read again. */
export async function invalidateDialog(client: QueryClient, personId: string, threadId?: string | null): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['person', personId, 'threads'] }),
    client.invalidateQueries({ queryKey: keys.unreadThreads(personId) }),
    threadId ? client.invalidateQueries({ queryKey: keys.thread(threadId) }) : Promise.resolve(),
  ]);
}

/**
 * Unread messages per activity, for the board's cards: the board reads the thread list of the
 * period it shows and provides the counts; a card without a thread (or outside a board) reads 0.
 */
export const ActivityUnreadContext = createContext<ReadonlyMap<string, number>>(new Map());

export function useActivityUnread(activityId: string): number {
  return useContext(ActivityUnreadContext).get(activityId) ?? 0;
}

export function unreadByActivity(list: ThreadList | undefined): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const thread of list?.threads ?? []) {
    if (thread.activityId && thread.unreadCount > 0) {
      map.set(thread.activityId, thread.unreadCount);
    }
  }
  return map;
}
