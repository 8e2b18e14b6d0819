import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me, PersonSummary } from '#common/schemas/person.ts';
import type { ActivityDetail } from '#common/schemas/activity.ts';
import type { Plan } from '#common/schemas/plan.ts';
import type { SessionView } from '#common/schemas/session.ts';
import type { BootAnswer, FirstScreenRequests } from './first-screen.ts';
import { api, ApiError, queryString } from './api-client.ts';
import { pollUnlessLive } from './live-status.ts';

/**
 * Query keys and reads shared by the features. Writes live with their feature and, when they
 * succeed, call invalidatePerson so the board, the card and the person banner agree again.
 */
export const keys = {
  session: ['session'] as const,
  me: ['me'] as const,
  person: (personId: string) => ['person', personId] as const,
  plan: (personId: string, filters: PlanFilters) => ['person', personId, 'plan', filters] as const,
  activity: (activityId: string) => ['activity', activityId] as const,
  // The dialog: under ['person', personId] so that invalidatePerson refreshes them too.
  threads: (personId: string, periodId?: string) => ['person', personId, 'threads', periodId ?? 'current'] as const,
  unreadThreads: (personId: string) => ['person', personId, 'unread-threads'] as const,
  drafts: (personId: string) => ['person', personId, 'drafts'] as const,
  thread: (threadId: string) => ['thread', threadId] as const,
};

export interface PlanFilters {
  periodId?: string;
  type?: string[];
  status?: string[];
  agreed?: 'true' | 'false';
  label?: string[];
}

/** How often an open board asks for the other party's changes while its live stream is not open (web/lib/live.ts). */
export const PLAN_POLL_MS = 15_000;

async function fetchSession(): Promise<SessionView | null> {
  try {
    return await api.get<SessionView>('/api/session', { background: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({ queryKey: keys.session, queryFn: fetchSession, staleTime: Infinity });

export function useSession() {
  return useQuery(sessionQuery);
}

export const meQuery = queryOptions({ queryKey: keys.me, queryFn: () => api.get<Me>('/api/me'), staleTime: Infinity });

export function useMe(enabled = true) {
  return useQuery({ ...meQuery, enabled });
}

export function personQuery(personId: string) {
  return queryOptions({ queryKey: keys.person(personId), queryFn: () => api.get<PersonSummary>(`/api/persons/${personId}`, { background: 'auto' }), staleTime: 60_000 });
}

export function usePerson(personId: string) {
  return useQuery(personQuery(personId));
}

export function planQuery(personId: string, filters: PlanFilters = {}) {
  return queryOptions({
    queryKey: keys.plan(personId, filters),
    queryFn: ({ signal }) => api.get<Plan>(`/api/persons/${personId}/plan${queryString({ ...filters })}`, { background: 'auto', signal }),
    refetchInterval: pollUnlessLive(PLAN_POLL_MS, personId),
    refetchOnWindowFocus: true,
  });
}

export function usePlan(personId: string, filters: PlanFilters = {}) {
  return useQuery({
    ...planQuery(personId, filters),
    // While another period or filter loads, the board keeps what it showed — of this person only.
    placeholderData: (previous) => (previous?.personId === personId ? previous : undefined),
  });
}

/**
 * The first screen's data: taken from the requests web/boot.ts started before the app's code ran,
 * so the first card does not wait for one request after another. An answer that is not a plain
 * success is asked for again the normal way (which knows how to handle it).
 */
export function prefetchFirstScreen(client: QueryClient): void {
  const boot = (window as unknown as { __firstScreen?: FirstScreenRequests }).__firstScreen;
  if (!boot) {
    return;
  }
  const adopt = <T>(answer: Promise<BootAnswer> | undefined, fallback: () => Promise<T>) => async () => {
    const result = await answer;
    return result?.status === 200 ? (result.body as T) : fallback();
  };
  // Not logged in: the session is known to be none, and nothing else is asked twice.
  void client.prefetchQuery({ ...sessionQuery, queryFn: async () => ((await boot.session).status === 401 ? null : adopt(boot.session, fetchSession)()) });
  void boot.me.then((answer) => (answer.status === 401 ? undefined : client.prefetchQuery({ ...meQuery, queryFn: adopt(boot.me, () => api.get<Me>('/api/me')) })));
  void boot.board.then((board) => {
    if (board) {
      void client.prefetchQuery({ ...planQuery(board.personId), queryFn: adopt(board.plan, () => api.get<Plan>(`/api/persons/${board.personId}/plan`)) });
      void client.prefetchQuery({ ...personQuery(board.personId), queryFn: adopt(board.person, () => api.get<PersonSummary>(`/api/persons/${board.personId}`)) });
    }
  });
}

export function useActivity(activityId: string, language: string) {
  return useQuery({
    // The history is told in the page's language, so each language is its own entry.
    queryKey: [...keys.activity(activityId), language],
    queryFn: ({ signal }) => api.get<ActivityDetail>(`/api/activities/${activityId}`, { background: 'auto', signal }),
    refetchInterval: pollUnlessLive(PLAN_POLL_MS),
  });
}

/** After a write: everything shown about the person is read again. */
export async function invalidatePerson(client: QueryClient, personId: string, activityId?: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['person', personId] }),
    activityId ? client.invalidateQueries({ queryKey: keys.activity(activityId) }) : Promise.resolve(),
  ]);
}
