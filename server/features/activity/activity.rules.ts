import { AppError, validationError } from '#common/errors.ts';
import { ADVANCE_NOTICE_MIN_DAYS_AHEAD } from '#common/limits.ts';
import {
  ADVISOR_CREATABLE,
  ADVISOR_ONLY_TYPES,
  CITIZEN_CREATABLE,
  FINAL_STATUSES,
  type ActivityStatus,
  type ActivityType,
  type AdvanceNoticeType,
  type AgreementOptions,
} from '#common/schemas/activity.ts';
import { addDays } from '#common/time.ts';
import type { Principal } from '#server/auth/principal.ts';

/**
 * The rules of product.md C1 as pure functions, so that each can be read and tested on its own.
 * Services call them after loading the current state and before writing.
 */
export interface ActivityState {
  type: string;
  status: string;
  agreedWithNav: boolean;
  toDate: string | null;
  details: Record<string, unknown>;
}

// Stored types and statuses are always members of their enums (the schemas admit nothing else).
const asType = (type: string) => type as ActivityType;
const asStatus = (status: string) => status as ActivityStatus;

export type Side = 'CITIZEN' | 'NAV';

export function sideOf(principal: Principal): Side {
  return principal.kind === 'citizen' ? 'CITIZEN' : 'NAV';
}

export const isFinal = (status: string): boolean => FINAL_STATUSES.includes(asStatus(status));

export function summaryShared(activity: Pick<ActivityState, 'details'>): boolean {
  return activity.details.summaryShared === true;
}

export function assertMayCreate(side: Side, type: ActivityType): void {
  const allowed = side === 'CITIZEN' ? CITIZEN_CREATABLE : ADVISOR_CREATABLE;
  if (!allowed.includes(type)) {
    throw new AppError('forbidden', `body.type: ${side === 'CITIZEN' ? 'a citizen' : 'NAV'} cannot create ${type}`);
  }
}

/** Content may change at all: not final, not a card from another system. */
function assertContentOpen(activity: ActivityState): void {
  if (activity.type === 'EXTERNAL') {
    throw new AppError('locked', 'This activity comes from another system and is changed there');
  }
  if (isFinal(activity.status)) {
    throw new AppError('locked', 'The activity is finished and its content is locked');
  }
}

/** A full edit of the content (not the end date of an agreed activity, which has its own route). */
export function assertMayEdit(side: Side, activity: ActivityState): void {
  assertContentOpen(activity);
  if (side === 'CITIZEN' && ADVISOR_ONLY_TYPES.includes(asType(activity.type))) {
    throw new AppError('forbidden', 'Only NAV changes meetings and conversation summaries');
  }
  if (activity.agreedWithNav && !(side === 'NAV' && activity.type === 'MEETING')) {
    throw new AppError('locked', 'The activity is agreed with NAV; only its end date can change');
  }
}

/** The end date of an agreed activity: NAV on any type but meetings, the citizen on medical treatment. */
export function assertMayChangeEndDate(side: Side, activity: ActivityState): void {
  assertContentOpen(activity);
  if (!activity.agreedWithNav) {
    throw new AppError('conflict', 'The activity is not agreed with NAV; edit it as a whole instead');
  }
  const allowed = side === 'NAV' ? activity.type !== 'MEETING' : activity.type === 'MEDICAL_TREATMENT';
  if (!allowed) {
    throw new AppError(side === 'NAV' ? 'conflict' : 'locked', side === 'NAV' ? 'Edit the meeting as a whole' : 'The activity is agreed with NAV and cannot be changed');
  }
}

/** Whether ending this activity in `to` needs a reason (product.md C1). */
export function reasonRequired(activity: ActivityState, to: ActivityStatus): boolean {
  if (to === 'CANCELLED' && (activity.agreedWithNav || activity.type === 'MEETING')) {
    return true;
  }
  return to === 'COMPLETED' && activity.agreedWithNav && activity.type !== 'MEETING' && activity.type !== 'CONVERSATION_SUMMARY';
}

export function assertMayMove(side: Side, activity: ActivityState, to: ActivityStatus, closingReason: string | null): void {
  if (activity.type === 'EXTERNAL') {
    throw new AppError('locked', 'This activity comes from another system and is moved there');
  }
  if (isFinal(activity.status)) {
    throw new AppError('locked', 'The activity is finished and cannot be moved');
  }
  if (side === 'CITIZEN' && ADVISOR_ONLY_TYPES.includes(asType(activity.type))) {
    throw new AppError('forbidden', 'Only NAV moves meetings and conversation summaries');
  }
  if (to === activity.status) {
    throw validationError('body.status', 'is the status the activity already has');
  }
  if (to === 'COMPLETED' && activity.type === 'MEETING' && !summaryShared(activity)) {
    throw new AppError('locked', 'A meeting can be completed once its summary is shared');
  }
  if (isFinal(to) && activity.type === 'CONVERSATION_SUMMARY' && !summaryShared(activity)) {
    throw new AppError('locked', 'A conversation summary can be ended once it is shared');
  }
  if (reasonRequired(activity, to) && !closingReason) {
    throw validationError('body.closingReason', 'is required when ending this activity');
  }
  if (!isFinal(to) && closingReason) {
    throw validationError('body.closingReason', 'is only given when the activity is completed or cancelled');
  }
}

export function assertMayChangeApplicationStatus(activity: ActivityState): void {
  if (activity.type !== 'JOB_APPLICATION') {
    throw validationError('body.applicationStatus', 'only a job application has an application status');
  }
}

export function assertMayAgree(activity: ActivityState): void {
  if (activity.type === 'CONVERSATION_SUMMARY') {
    throw new AppError('conflict', 'A conversation summary cannot be agreed with NAV');
  }
  if (activity.agreedWithNav) {
    throw new AppError('conflict', 'The activity is already agreed with NAV');
  }
  assertContentOpen(activity);
}

export function assertMaySaveSummary(activity: ActivityState): void {
  if (activity.type !== 'MEETING' && activity.type !== 'CONVERSATION_SUMMARY') {
    throw new AppError('conflict', 'Only meetings and conversation summaries have a summary');
  }
  assertContentOpen(activity);
}

export type NotNotifiableReason = AgreementOptions['reasons'][number];

/** Which advance notices may be chosen: STANDARD/AAP_11_9 only far enough ahead and when the person can be notified. */
export function allowedAdvanceNotices(activity: ActivityState, today: string, notifiable: NotNotifiableReason[]): {
  allowed: AdvanceNoticeType[];
  reasons: NotNotifiableReason[];
} {
  const reasons: NotNotifiableReason[] = [...notifiable];
  if (!activity.toDate) {
    reasons.unshift('NO_END_DATE');
  } else if (activity.toDate <= addDays(today, ADVANCE_NOTICE_MIN_DAYS_AHEAD)) {
    reasons.unshift('END_DATE_TOO_SOON');
  }
  return { allowed: reasons.length === 0 ? ['STANDARD', 'AAP_11_9', 'NONE'] : ['NONE'], reasons };
}
