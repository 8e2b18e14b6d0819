import { ACTIVITY_STATUSES, ADVISOR_ONLY_TYPES, FINAL_STATUSES, type ActivityStatus, type ActivityType } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';

/**
 * Which status moves the page offers, mirroring server/features/activity/activity.rules.ts
 * (assertMayMove, reasonRequired) and activity.context.ts (isEditable). The server stays the judge;
 * this only keeps the page from offering what it would refuse. Zod-free: the board imports it.
 */
export type MoveRole = 'citizen' | 'advisor';

/** The fields the rules look at, so a detail page or a test can pass a partial activity. */
export type MovableActivity = Pick<Activity, 'type' | 'status' | 'agreedWithNav' | 'editable' | 'details'>;

export const isFinalStatus = (status: string): boolean => FINAL_STATUSES.includes(status as ActivityStatus);

const summaryShared = (activity: Pick<Activity, 'details'>): boolean => activity.details.summaryShared === true;

/** Why a move the caller could otherwise make is held back, or null when it is not. */
export function moveBlockedBy(activity: MovableActivity, to: ActivityStatus): 'SUMMARY_NOT_SHARED' | null {
  if (activity.type === 'MEETING' && to === 'COMPLETED' && !summaryShared(activity)) {
    return 'SUMMARY_NOT_SHARED';
  }
  if (activity.type === 'CONVERSATION_SUMMARY' && isFinalStatus(to) && !summaryShared(activity)) {
    return 'SUMMARY_NOT_SHARED';
  }
  return null;
}

/** Whether the caller may move the activity at all (before looking at where to). */
export function mayMove(activity: MovableActivity, role: MoveRole): boolean {
  if (!activity.editable || activity.type === 'EXTERNAL' || isFinalStatus(activity.status)) {
    return false;
  }
  return !(role === 'citizen' && ADVISOR_ONLY_TYPES.includes(activity.type as ActivityType));
}

/** The statuses the caller may move this activity to now, in board order. */
export function allowedMoves(activity: MovableActivity, role: MoveRole): ActivityStatus[] {
  if (!mayMove(activity, role)) {
    return [];
  }
  return ACTIVITY_STATUSES.filter((to) => to !== activity.status && moveBlockedBy(activity, to) === null);
}

/** Whether ending the activity in `to` needs a reason (product.md C1; the server's reasonRequired). */
export function reasonRequired(activity: Pick<Activity, 'type' | 'agreedWithNav'>, to: ActivityStatus): boolean {
  if (to === 'CANCELLED' && (activity.agreedWithNav || activity.type === 'MEETING')) {
    return true;
  }
  return to === 'COMPLETED' && activity.agreedWithNav && activity.type !== 'MEETING' && activity.type !== 'CONVERSATION_SUMMARY';
}

/**
 * Moves that ask first: a final status locks the activity for good, and it is the only place a
 * reason (required or not) can be given.
 */
export function needsConfirmation(to: ActivityStatus): boolean {
  return isFinalStatus(to);
}
