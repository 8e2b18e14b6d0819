import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '#common/schemas/dialog.ts';
import { keys } from '#web/lib/queries.ts';
import { saveDraft } from './dialog-api.ts';
import { useDrafts } from './dialog-queries.ts';

/** How long typing must pause before the draft is saved. */
export const DRAFT_DELAY_MS = 500;

export interface DraftTarget {
  threadId: string | null;
  activityId: string | null;
}

export type DraftStatus = 'idle' | 'saved' | 'failed';

const sameTarget = (draft: Draft, target: DraftTarget) => draft.threadId === target.threadId && (target.threadId !== null || draft.activityId === target.activityId);

/**
 * The server-side draft of one composer: the saved one when the page opens, a save ~500 ms after
 * typing pauses (an empty text removes it), a save of anything pending when the composer closes,
 * and `settle()` before sending, so no late save brings back a draft the message replaced.
 */
export function useDraft(personId: string, target: DraftTarget) {
  const client = useQueryClient();
  const drafts = useDrafts(personId);
  const [status, setStatus] = useState<DraftStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ subject: string | null; text: string } | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const { threadId, activityId } = target;

  const remember = useCallback(
    (subject: string | null, text: string) => {
      client.setQueryData<Draft[]>(keys.drafts(personId), (list = []) => {
        const others = list.filter((d) => !sameTarget(d, { threadId, activityId }));
        return text.trim() === '' ? others : [...others, { threadId, activityId, subject, text, updatedAt: new Date().toISOString() }];
      });
    },
    [client, personId, threadId, activityId],
  );

  const write = useCallback(() => {
    const value = pending.current;
    pending.current = null;
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!value) {
      return inFlight.current;
    }
    remember(value.subject, value.text);
    inFlight.current = inFlight.current
      .then(() => saveDraft(personId, { threadId, activityId, subject: value.subject, text: value.text }))
      .then(
        () => setStatus(value.text.trim() === '' ? 'idle' : 'saved'),
        () => setStatus('failed'),
      );
    return inFlight.current;
  }, [personId, threadId, activityId, remember]);

  /** Called on every change of the text: saves once typing pauses. */
  const schedule = useCallback(
    (text: string, subject: string | null = null) => {
      pending.current = { subject, text };
      setStatus('idle');
      if (timer.current) {
        clearTimeout(timer.current);
      }
      timer.current = setTimeout(() => void write(), DRAFT_DELAY_MS);
    },
    [write],
  );

  /** Before sending: nothing waits to be saved, and no save is still on its way. */
  const settle = useCallback(async () => {
    pending.current = null;
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await inFlight.current;
  }, []);

  /** After sending: the server has dropped the draft; so does this page. */
  const forget = useCallback(() => {
    remember(null, '');
    setStatus('idle');
  }, [remember]);

  // Leaving the composer saves what was typed since the last save.
  useEffect(() => () => void write(), [write]);

  const saved = drafts.data?.find((d) => sameTarget(d, target));
  return { saved, loaded: !drafts.isPending, status, schedule, settle, forget };
}
