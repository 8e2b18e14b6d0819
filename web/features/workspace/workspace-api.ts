import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OfficeSettings, OfficeSettingsInput, WorkspaceQueryInput, WorkspaceResult } from '#common/schemas/workspace.ts';
import { api } from '#web/lib/api-client.ts';

/**
 * The workspace list and the office settings. Each list read is a query the server audits, so it
 * is asked for when the advisor changes what they look at, not on window focus or a timer.
 */
export const workspaceKeys = {
  list: (query: WorkspaceQueryInput) => ['workspace', query] as const,
  settings: (officeId: string) => ['office', officeId, 'settings'] as const,
};

export function useWorkspace(query: WorkspaceQueryInput, enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.list(query),
    queryFn: ({ signal }) => api.post<WorkspaceResult>('/api/workspace/persons', query, { signal }),
    // While the next page or filter loads, the table keeps what it showed.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    enabled,
  });
}

export function useOfficeSettings(officeId: string | null) {
  return useQuery({
    queryKey: workspaceKeys.settings(officeId ?? ''),
    queryFn: () => api.get<OfficeSettings>(`/api/offices/${officeId}/settings`),
    enabled: Boolean(officeId),
  });
}

export function useSaveOfficeSettings(officeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OfficeSettingsInput) => api.put<OfficeSettings>(`/api/offices/${officeId}/settings`, input),
    onSuccess: (settings) => client.setQueryData(workspaceKeys.settings(officeId), settings),
    // "Going passive" counts with the new number of days.
    onSettled: () => client.invalidateQueries({ queryKey: ['workspace'] }),
  });
}
