import type { ThreadSummary } from '#common/schemas/dialog.ts';

export type Role = 'citizen' | 'advisor';
export const THREAD_FILTERS = ['all', 'unread', 'awaiting'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

export interface ListChoice {
  filter: ThreadFilter;
  /** Only the thread about this activity. */
  activityId: string | null;
}

/** Reads the list's choices from the address (?filter=unread&activity=<id>); anything unknown means all. */
export function readChoice(params: URLSearchParams): ListChoice {
  const filter = params.get('filter');
  return {
    filter: (THREAD_FILTERS as readonly string[]).includes(filter ?? '') ? (filter as ThreadFilter) : 'all',
    activityId: params.get('activity') || null,
  };
}

/** The address with one choice changed; the default ones are left out. */
export function withChoice(params: URLSearchParams, name: 'filter' | 'activity' | 'period', value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === '' || (name === 'filter' && value === 'all')) {
    next.delete(name);
  } else {
    next.set(name, value);
  }
  if (name === 'period') {
    // Another period has other activities.
    next.delete('activity');
  }
  return next;
}

/** Whether the thread waits for the side looking at it: the citizen for awaitingCitizen, NAV for awaitingNav. */
export function awaitsMe(thread: ThreadSummary, role: Role): boolean {
  return role === 'citizen' ? thread.awaitingCitizen : thread.awaitingNav === true;
}

function matches(thread: ThreadSummary, filter: ThreadFilter, role: Role): boolean {
  switch (filter) {
    case 'unread':
      return thread.unreadCount > 0;
    case 'awaiting':
      return awaitsMe(thread, role);
    default:
      return true;
  }
}

/** A warning in force comes first; otherwise the newest message first (as the server sends them). */
export function sortThreads(threads: readonly ThreadSummary[]): ThreadSummary[] {
  return threads
    .map((thread, index) => ({ thread, index }))
    .sort((a, b) => Number(b.thread.escalationActive) - Number(a.thread.escalationActive) || a.index - b.index)
    .map(({ thread }) => thread);
}

/**
 * The threads the list shows. The open one stays in the list even when it no longer matches (an
 * unread thread becomes read the moment it is opened), so the list does not jump under the reader.
 */
export function visibleThreads(threads: readonly ThreadSummary[], choice: ListChoice, role: Role, openId: string | null = null): ThreadSummary[] {
  return sortThreads(threads).filter(
    (thread) => thread.id === openId || (matches(thread, choice.filter, role) && (choice.activityId === null || thread.activityId === choice.activityId)),
  );
}

/** How many threads each filter would show (within the chosen activity). */
export function filterCounts(threads: readonly ThreadSummary[], choice: ListChoice, role: Role): Record<ThreadFilter, number> {
  const scoped = threads.filter((thread) => choice.activityId === null || thread.activityId === choice.activityId);
  return {
    all: scoped.length,
    unread: scoped.filter((thread) => matches(thread, 'unread', role)).length,
    awaiting: scoped.filter((thread) => matches(thread, 'awaiting', role)).length,
  };
}
