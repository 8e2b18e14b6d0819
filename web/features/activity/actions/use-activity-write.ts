import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Activity, ActivityDetail } from '#common/schemas/activity.ts';
import { api, ApiError } from '#web/lib/api-client.ts';
import { invalidatePerson, keys } from '#web/lib/queries.ts';

/** Shows an activity's new state at once in every cached detail view of it (each language). */
export function putActivity(client: QueryClient, activity: Activity): void {
  client.setQueriesData<ActivityDetail>({ queryKey: keys.activity(activity.id) }, (detail) => (detail ? { ...detail, activity } : detail));
}

export interface WriteRequest {
  /** The path after /api/activities/:id, e.g. '' or '/application-status'. */
  path: string;
  method?: 'put' | 'post';
  body: unknown;
}

/**
 * Every change on the detail page: the answer (or, for a stale write, the server's current state)
 * replaces the cached activity, and everything shown about the person is read again.
 */
export function useActivityWrite(activityId: string, personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'put', body }: WriteRequest) =>
      method === 'put' ? api.put<Activity>(`/api/activities/${activityId}${path}`, body) : api.post<Activity>(`/api/activities/${activityId}${path}`, body),
    onSuccess: (updated) => putActivity(client, updated),
    onError: (error) => {
      if (error instanceof ApiError && error.isStale) {
        putActivity(client, error.current as Activity);
      }
    },
    onSettled: () => invalidatePerson(client, personId, activityId),
  });
}

export const isStale = (error: unknown): error is ApiError => error instanceof ApiError && error.isStale;
