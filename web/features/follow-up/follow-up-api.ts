import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assignment, FollowUpMode, KvpChangeInput, KvpPeriod, KvpPeriodList, OfficeAdvisors } from '#common/schemas/follow-up.ts';
import { api, ApiError } from '#web/lib/api-client.ts';
import { invalidatePerson } from '#web/lib/queries.ts';

/**
 * Reads and writes of how a person is followed up: digital or manual, who is assigned, and KVP.
 * The mode's and the KVP periods' keys sit under ['person', personId] so that invalidatePerson
 * refreshes them with the rest.
 */
export const followUpKeys = {
  mode: (personId: string) => ['person', personId, 'follow-up-mode'] as const,
  kvpPeriods: (personId: string) => ['person', personId, 'kvp-periods'] as const,
  advisors: (officeId: string) => ['office', officeId, 'advisors'] as const,
};

export function followUpModeQuery(personId: string) {
  return queryOptions({ queryKey: followUpKeys.mode(personId), queryFn: () => api.get<FollowUpMode>(`/api/persons/${personId}/follow-up-mode`, { background: 'auto' }), staleTime: 30_000 });
}

export function useFollowUpMode(personId: string) {
  return useQuery(followUpModeQuery(personId));
}

export function useOfficeAdvisors(officeId: string, enabled: boolean) {
  return useQuery({
    queryKey: followUpKeys.advisors(officeId),
    queryFn: () => api.get<OfficeAdvisors>(`/api/offices/${officeId}/advisors`),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Digital ⇄ manual. The advisor gives a reason; the citizen may only switch to digital. Everything shown about the person is read again. */
export function useChangeFollowUpMode(personId: string) {
  const client = useQueryClient();
  return useMutation({
    // The body of FollowUpModeChangeSchema as sent (the reason is left out by a citizen).
    mutationFn: (input: { manual: boolean; reason?: string }) => api.put<FollowUpMode>(`/api/persons/${personId}/follow-up-mode`, input),
    onSuccess: (mode) => client.setQueryData(followUpKeys.mode(personId), mode),
    onSettled: () => invalidatePerson(client, personId),
  });
}

export function useAssign(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (advisorIdent: string) => api.put<Assignment>(`/api/persons/${personId}/assignment`, { advisorIdent }),
    onSettled: () => invalidatePerson(client, personId),
  });
}

/** The person's KVP periods this advisor may see (those of their own offices), as the server lists them. */
function kvpPeriodsQuery(personId: string) {
  return queryOptions({
    queryKey: followUpKeys.kvpPeriods(personId),
    queryFn: async () => (await api.get<KvpPeriodList>(`/api/persons/${personId}/kvp-periods`)).kvpPeriods,
    staleTime: 30_000,
  });
}

export function useKvpPeriods(personId: string) {
  return useQuery(kvpPeriodsQuery(personId));
}

/**
 * Starts a KVP period, or ends the open one: its id is read from the person's KVP periods when the
 * advisor ends it (the person summary says only that one is open, and since when).
 */
export function useChangeKvp(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ end, reason }: KvpChangeInput & { end: boolean }) => {
      if (!end) {
        return api.post<KvpPeriod>(`/api/persons/${personId}/kvp-periods`, { reason });
      }
      const kvpPeriods = await client.fetchQuery({ ...kvpPeriodsQuery(personId), staleTime: 0 });
      const open = kvpPeriods.find((period) => period.endedAt === null);
      if (!open) {
        throw new ApiError(409, 'conflict', 'no open KVP period');
      }
      return api.post<KvpPeriod>(`/api/persons/${personId}/kvp-periods/${open.id}/end`, { reason });
    },
    onSettled: () => invalidatePerson(client, personId),
  });
}
