import { AppError } from '#common/errors.ts';
import type { DialogSide, NotificationHold, SendBlockedReason } from '#common/schemas/dialog.ts';
import type { ContactStatus } from '#common/schemas/person.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { ThreadStatusEvent } from '#server/db/types.ts';

/**
 * The dialog's rules (product.md C2; reference Part A4–A8) as pure functions: who may send, what a
 * message or a status change does to a thread's flags, and what is logged for it.
 */

/** Who reads: the side, and for an advisor the offices whose KVP content they may see (null: everything). */
export interface Viewer {
  side: DialogSide;
  kvpOffices: readonly string[] | null;
}

export function viewerOf(principal: Principal): Viewer {
  if (principal.kind === 'citizen') {
    return { side: 'CITIZEN', kvpOffices: null };
  }
  return { side: 'NAV', kvpOffices: principal.kind === 'advisor' ? principal.offices : [] };
}

/** Content stamped with a KVP office is seen by the citizen and by advisors at that office only. */
export function seesKvp(viewer: Viewer, kvpOfficeId: string | null): boolean {
  return kvpOfficeId === null || viewer.kvpOffices === null || viewer.kvpOffices.includes(kvpOfficeId);
}

export const otherSide = (side: DialogSide): DialogSide => (side === 'CITIZEN' ? 'NAV' : 'CITIZEN');
export const sideOfRole = (role: string): DialogSide => (role === 'CITIZEN' ? 'CITIZEN' : 'NAV');

export interface SendState {
  currentPeriodId: string | null;
  manualFollowUp: boolean;
}

/**
 * Why nobody may send now, or null when they may. `threadPeriodId` is the period of the thread
 * written to (null for a new thread). Both sides are blocked alike: a person followed up manually
 * or reserved in the contact register gets no digital messages; a register that is down
 * (reserved unknown) blocks nothing.
 */
export function sendBlockedReason(person: SendState, threadPeriodId: string | null, reserved: boolean): SendBlockedReason | null {
  if (threadPeriodId !== null && threadPeriodId !== person.currentPeriodId) {
    return 'PERIOD_ENDED';
  }
  if (!person.currentPeriodId) {
    return 'NO_CURRENT_PERIOD';
  }
  if (person.manualFollowUp) {
    return 'MANUAL_FOLLOW_UP';
  }
  return reserved ? 'RESERVED' : null;
}

const BLOCKED_MESSAGES: Record<SendBlockedReason, string> = {
  NO_CURRENT_PERIOD: 'There is no current follow-up period; no messages can be sent',
  PERIOD_ENDED: 'The follow-up period of this conversation has ended; it can be read but not answered',
  MANUAL_FOLLOW_UP: 'The person is followed up manually; digital messages cannot be sent',
  RESERVED: 'The person is reserved against digital contact in the contact register; digital messages cannot be sent',
};

export function lockedError(reason: SendBlockedReason): AppError {
  return new AppError('locked', BLOCKED_MESSAGES[reason], { reason });
}

export function assertMaySend(person: SendState, threadPeriodId: string | null, reserved: boolean): void {
  const reason = sendBlockedReason(person, threadPeriodId, reserved);
  if (reason) {
    throw lockedError(reason);
  }
}

/** Why the citizen would not be notified of a NAV message right now (null when they would). */
export function notificationHoldOf(contact: ContactStatus): NotificationHold | null {
  if (!contact.available) {
    return 'REGISTER_DOWN';
  }
  if (contact.registered === false) {
    return 'NOT_REGISTERED';
  }
  return contact.outdated ? 'OUTDATED' : null;
}

export interface ThreadFlags {
  awaitingNavSince: Date | null;
  awaitingCitizenSince: Date | null;
}

export interface Transition {
  set: Partial<ThreadFlags>;
  events: ThreadStatusEvent[];
}

/**
 * A message from the citizen answers NAV's question and waits for NAV; a message from NAV
 * handles the thread and leaves "awaiting the citizen" as it was.
 */
export function messageTransition(flags: ThreadFlags, side: DialogSide, now: Date): Transition {
  if (side === 'CITIZEN') {
    const t: Transition = { set: {}, events: ['MESSAGE_FROM_CITIZEN'] };
    if (flags.awaitingCitizenSince) {
      t.set.awaitingCitizenSince = null;
      t.events.push('ANSWERED_BY_CITIZEN');
    }
    if (!flags.awaitingNavSince) {
      t.set.awaitingNavSince = now;
      t.events.push('AWAITING_NAV');
    }
    return t;
  }
  const t: Transition = { set: {}, events: ['MESSAGE_FROM_NAV'] };
  if (flags.awaitingNavSince) {
    t.set.awaitingNavSince = null;
    t.events.push('ANSWERED_BY_NAV');
  }
  return t;
}

/** NAV sets or clears its flags; an unchanged flag is no transition. */
export function statusTransition(flags: ThreadFlags, input: { awaitingNav?: boolean | undefined; awaitingCitizen?: boolean | undefined }, now: Date): Transition {
  const t: Transition = { set: {}, events: [] };
  if (input.awaitingNav !== undefined && input.awaitingNav !== (flags.awaitingNavSince !== null)) {
    t.set.awaitingNavSince = input.awaitingNav ? now : null;
    t.events.push(input.awaitingNav ? 'AWAITING_NAV' : 'ANSWERED_BY_NAV');
  }
  if (input.awaitingCitizen !== undefined && input.awaitingCitizen !== (flags.awaitingCitizenSince !== null)) {
    t.set.awaitingCitizenSince = input.awaitingCitizen ? now : null;
    t.events.push(input.awaitingCitizen ? 'AWAITING_CITIZEN' : 'ANSWERED_BY_CITIZEN');
  }
  return t;
}

/** The key a draft is kept under: the thread, a first message about an activity, or a new general thread. */
export function draftKey(threadId: string | null, activityId: string | null): string {
  return threadId ?? (activityId ? `activity:${activityId}` : 'new');
}

/** A draft is the caller's own: 'CITIZEN' for the citizen, the NAV-ident for an advisor. */
export function draftAuthor(principal: Principal): string {
  return principal.kind === 'advisor' ? principal.ident : 'CITIZEN';
}

/** Drafts live this long after their last change. */
export const DRAFT_TTL_MS = 24 * 3600 * 1000;

/** The list shows the start of the newest message. */
export const PREVIEW_LENGTH = 120;
