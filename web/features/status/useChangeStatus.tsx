import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import type { ActivityStatus } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { needsConfirmation } from './moves.ts';
import { useStatusMutation } from './status-mutation.ts';

// The dialog (and its texts) loads the first time a move asks first.
const StatusChangeDialog = lazy(() => import('./StatusChangeDialog.tsx'));

export interface MoveRequest {
  activity: Activity;
  to: ActivityStatus;
}

/** How the last move ended when it did not simply succeed. */
export type MoveOutcome =
  | { kind: 'stale'; attempted: MoveRequest; current: Activity }
  | { kind: 'error'; attempted: MoveRequest; error: unknown };

export interface ChangeStatusOptions {
  personId: string;
  /** After a move, a refused move or a cancelled dialog: the page puts focus back on the activity. */
  onSettled?: (activityId: string) => void;
}

export interface ChangeStatus {
  /** Moves at once, or first opens the dialog when the move locks the activity or takes a reason. */
  move: (activity: Activity, to: ActivityStatus) => void;
  /** Render this where the page is: the dialog while it is open, otherwise nothing. */
  dialog: ReactNode;
  /** A move the server refused or found stale; show it with <MoveOutcomeAlert>. */
  outcome: MoveOutcome | null;
  clearOutcome: () => void;
  /** The activity whose move is being saved. */
  pendingId: string | null;
}

/**
 * The one way the pages change an activity's status: the board's menu, its drag and drop, and the
 * detail page. A stale write (someone changed the activity first) does not move it; the outcome
 * carries the activity as it is now so the page can say where it went.
 */
export function useChangeStatus({ personId, onSettled }: ChangeStatusOptions): ChangeStatus {
  const mutation = useStatusMutation(personId);
  // Stable across renders (TanStack Query keeps it), so `move` stays stable and cards need not redraw.
  const { mutateAsync } = mutation;
  const [asking, setAsking] = useState<MoveRequest | null>(null);
  const [outcome, setOutcome] = useState<MoveOutcome | null>(null);

  const settle = useCallback((activityId: string) => onSettled?.(activityId), [onSettled]);

  /** Saves the move; a stale write becomes an outcome, anything else is thrown to the caller. */
  const save = useCallback(
    async (request: MoveRequest, closingReason: string | null): Promise<void> => {
      try {
        await mutateAsync({ ...request, closingReason });
      } catch (error) {
        if (error instanceof ApiError && error.isStale) {
          setOutcome({ kind: 'stale', attempted: request, current: error.current as Activity });
          return;
        }
        throw error;
      }
    },
    [mutateAsync],
  );

  const move = useCallback(
    (activity: Activity, to: ActivityStatus) => {
      setOutcome(null);
      if (needsConfirmation(to)) {
        setAsking({ activity, to });
        return;
      }
      save({ activity, to }, null).then(
        () => settle(activity.id),
        (error: unknown) => {
          setOutcome({ kind: 'error', attempted: { activity, to }, error });
          settle(activity.id);
        },
      );
    },
    [save, settle],
  );

  const dialog = asking ? (
    <Suspense fallback={null}>
      <StatusChangeDialog
        activity={asking.activity}
        to={asking.to}
        onSave={async (closingReason) => {
          await save(asking, closingReason);
          setAsking(null);
          settle(asking.activity.id);
        }}
        onCancel={() => {
          setAsking(null);
          settle(asking.activity.id);
        }}
      />
    </Suspense>
  ) : null;

  return {
    move,
    dialog,
    outcome,
    clearOutcome: useCallback(() => setOutcome(null), []),
    pendingId: mutation.isPending ? (mutation.variables?.activity.id ?? null) : null,
  };
}
