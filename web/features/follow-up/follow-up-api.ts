import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assignment, FollowUpMode, KvpChangeInput, KvpPeriod, OfficeAdvisors } from '#common/schemas/follow-up.ts';
import { api } from '#web/lib/api-client.ts';
import { invalidatePerson } from '#web/lib/queries.ts';

/**
 * Reads and writes of how a person is followed up: digital or manual, who is assigned, and KVP.
 * Keys sit under ['person', personId] so that invalidatePerson refreshes them with the rest.
 */
export const followUpKeys = {
  mode: (personId: string) => ['person', personId, 'follow-up-mode'] as const,
  assignment: (personId: string) => ['person', personId, 'assignment'] as const,
  kvp: (personId: string) => ['person', personId, 'kvp-periods'] as const,
  advisors: (officeId: string) => ['office', officeId, 'advisors'] as const,
};

export function followUpModeQuery(personId: string) {
  return queryOptions({ queryKey: followUpKeys.mode(personId), queryFn: () => api.get<FollowUpMode>(`/api/persons/${personId}/follow-up-mode`, { background: 'auto' }), staleTime: 30_000 });
}

export function useFollowUpMode(personId: string, enabled = true) {
  return useQuery({ ...followUpModeQuery(personId), enabled });
}

export function useAssignment(personId: string) {
  return useQuery({ queryKey: followUpKeys.assignment(personId), queryFn: () => api.get<Assignment>(`/api/persons/${personId}/assignment`, { background: 'auto' }), staleTime: 30_000 });
}

export function useOfficeAdvisors(officeId: string, enabled: boolean) {
  return useQuery({
    queryKey: followUpKeys.advisors(officeId),
    queryFn: () => api.get<OfficeAdvisors>(`/api/offices/${officeId}/advisors`),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useKvpPeriods(personId: string) {
  return useQuery({
    queryKey: followUpKeys.kvp(personId),
    queryFn: () => api.get<{ kvpPeriods: KvpPeriod[] }>(`/api/persons/${personId}/kvp-periods`, { background: 'auto' }),
    staleTime: 30_000,
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
    onSuccess: (assignment) => client.setQueryData(followUpKeys.assignment(personId), assignment),
    onSettled: () => invalidatePerson(client, personId),
  });
}

/** Starts a KVP period (no id) or ends the open one. */
export function useChangeKvp(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ endId, ...input }: KvpChangeInput & { endId: string | null }) =>
      endId ? api.post<KvpPeriod>(`/api/persons/${personId}/kvp-periods/${endId}/end`, input) : api.post<KvpPeriod>(`/api/persons/${personId}/kvp-periods`, input),
    onSettled: () => invalidatePerson(client, personId),
  });
}
