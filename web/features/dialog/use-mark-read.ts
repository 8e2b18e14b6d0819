import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Thread } from '#common/schemas/dialog.ts';
import { markThreadRead } from './dialog-api.ts';
import { invalidateDialog } from './dialog-queries.ts';

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}
const isVisible = () => document.visibilityState === 'visible';

/**
 * Marks a shown thread read for the reader's side while the page is in view: once per newest
 * message (a message arriving while it is open is marked when it arrives, or when the tab is
 * looked at again), then the lists and the header badge are read again.
 */
export function useMarkThreadRead(thread: Thread | undefined, personId: string): void {
  const client = useQueryClient();
  const visible = useSyncExternalStore(subscribeVisibility, isVisible, () => true);
  const marked = useRef<string | null>(null);
  const threadId = thread?.id;
  const unread = thread?.unreadCount ?? 0;
  const newest = thread?.messages[thread.messages.length - 1]?.id ?? '';
  useEffect(() => {
    if (!threadId || unread === 0 || !visible) {
      return;
    }
    const key = `${threadId}:${newest}`;
    if (marked.current === key) {
      return;
    }
    marked.current = key;
    markThreadRead(threadId).then(
      () => invalidateDialog(client, personId, threadId),
      () => {
        // Tried again the next time the thread changes or comes into view.
        marked.current = null;
      },
    );
  }, [threadId, unread, newest, visible, client, personId]);
}
