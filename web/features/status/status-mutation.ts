import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import type { Plan } from '#common/schemas/plan.ts';
import { api } from '#web/lib/api-client.ts';
import { invalidatePerson } from '#web/lib/queries.ts';

export interface StatusChange {
  activity: Activity;
  to: ActivityStatus;
  closingReason: string | null;
}

/** Puts an activity's new state into every cached board of the person (all filters and periods). */
function replaceInPlans(client: QueryClient, personId: string, activity: Activity): void {
  client.setQueriesData<Plan>({ queryKey: ['person', personId, 'plan'] }, (plan) =>
    plan ? { ...plan, activities: plan.activities.map((a) => (a.id === activity.id ? activity : a)) } : plan,
  );
}

/**
 * PUT /api/activities/:id/status naming the version read. The card moves at once (the cached
 * boards are updated before the answer) and everything about the person is read again afterwards,
 * so a refused move puts the card back where the server says it is.
 */
export function useStatusMutation(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ activity, to, closingReason }: StatusChange) =>
      api.put<Activity>(`/api/activities/${activity.id}/status`, { version: activity.version, status: to, closingReason }),
    onMutate: async ({ activity, to }: StatusChange) => {
      await client.cancelQueries({ queryKey: ['person', personId, 'plan'] });
      replaceInPlans(client, personId, { ...activity, status: to });
    },
    onSuccess: (updated: Activity) => replaceInPlans(client, personId, updated),
    onSettled: (_data, _error, { activity }) => invalidatePerson(client, personId, activity.id),
  });
}
