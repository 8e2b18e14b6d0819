import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Goal, Plan } from '#common/schemas/plan.ts';
import { api, queryString } from '#web/lib/api-client.ts';
import { invalidatePerson } from '#web/lib/queries.ts';

export interface GoalHistoryEntry {
  version: number;
  text: string;
  changedAt: string;
  changedBy: Goal['changedBy'];
}

export const goalHistoryKey = (personId: string, periodId: string | null) => ['person', personId, 'goal-history', periodId ?? 'current'] as const;

/** Every version of the goal in a period, newest first (read when the history is opened). */
export function useGoalHistory(personId: string, periodId: string | null) {
  return useQuery({
    queryKey: goalHistoryKey(personId, periodId),
    queryFn: ({ signal }) => api.get<GoalHistoryEntry[]>(`/api/persons/${personId}/goal/history${queryString({ periodId: periodId ?? undefined })}`, { signal }),
  });
}

/** Puts the goal as it is now into every cached board of the person's current period. */
export function putGoalInPlans(client: QueryClient, personId: string, goal: Goal | null): void {
  client.setQueriesData<Plan>({ queryKey: ['person', personId, 'plan'] }, (plan) => (plan && plan.period?.current ? { ...plan, goal } : plan));
}

/** PUT /api/persons/:personId/goal naming the version read (0 when there was no goal). */
export function useSaveGoal(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; text: string }) => api.put<Goal>(`/api/persons/${personId}/goal`, input),
    onSuccess: (goal) => putGoalInPlans(client, personId, goal),
    onSettled: () => invalidatePerson(client, personId),
  });
}

/** Records that the caller's side has read the goal up to this version (clears its "new" marker). */
export function markGoalRead(personId: string, version: number): Promise<unknown> {
  return api.post(`/api/persons/${personId}/goal/read`, { version }, { background: true });
}
