import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DraftInput, EscalationStartInput, EscalationStopInput, EscalationWarning, NewThreadInput, Sent, Thread } from '#common/schemas/dialog.ts';
import { api } from '#web/lib/api-client.ts';
import { keys } from '#web/lib/queries.ts';
import { invalidateDialog } from './dialog-queries.ts';

/** The dialog's writes. Each puts what the server answered into the cache and reads the lists again. */

export function useSendMessage(personId: string, threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post<Sent>(`/api/threads/${threadId}/messages`, { text }),
    onSuccess: (sent) => client.setQueryData(keys.thread(sent.thread.id), sent.thread),
    // Not awaited: the page clears the answer box as soon as the message is in, not after the lists are read again.
    onSettled: () => void Promise.all([invalidateDialog(client, personId, threadId), client.invalidateQueries({ queryKey: keys.drafts(personId) })]),
  });
}

export function useStartThread(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewThreadInput) => api.post<Sent>(`/api/persons/${personId}/threads`, input),
    onSuccess: (sent) => client.setQueryData(keys.thread(sent.thread.id), sent.thread),
    onSettled: () => void Promise.all([invalidateDialog(client, personId), client.invalidateQueries({ queryKey: keys.drafts(personId) })]),
  });
}

/** NAV: "awaiting NAV" (unticking it = handled) and "awaiting the citizen", naming the version read. */
export function useSetThreadStatus(personId: string, threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; awaitingNav?: boolean; awaitingCitizen?: boolean }) => api.put<Thread>(`/api/threads/${threadId}/status`, input),
    onSuccess: (thread) => client.setQueryData(keys.thread(thread.id), thread),
    onSettled: () => invalidateDialog(client, personId, threadId),
  });
}

/** Marks the thread read for the caller's side. Not the person's own doing: it does not keep the session alive. */
export async function markThreadRead(threadId: string): Promise<void> {
  await api.post(`/api/threads/${threadId}/read`, {}, { background: true });
}

/** Saves (or, with empty text, removes) the caller's draft. Typing is the person's doing: it keeps the session alive. */
export async function saveDraft(personId: string, input: DraftInput): Promise<void> {
  await api.put(`/api/persons/${personId}/drafts`, input);
}

export function useStartEscalation(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationStartInput) => api.post<EscalationWarning>(`/api/persons/${personId}/escalation-warnings`, input),
    onSettled: () => invalidateDialog(client, personId),
  });
}

export function useStopEscalation(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ warningId, ...input }: EscalationStopInput & { warningId: string }) => api.post<EscalationWarning>(`/api/escalation-warnings/${warningId}/stop`, input),
    onSettled: (warning) => invalidateDialog(client, personId, warning?.threadId),
  });
}
