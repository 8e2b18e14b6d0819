import type { Activity } from '#common/schemas/activity.ts';

/**
 * What the detail page offers, mirroring server/features/activity/activity.rules.ts
 * (assertMayEdit, assertMayChangeEndDate, assertMaySaveSummary, assertMayAgree) on top of the
 * server's own `editable` flag (period current, plan writable, not final, not another system's
 * card, and for the citizen not a meeting or conversation summary). The server stays the judge.
 */
export type Role = 'citizen' | 'advisor';

/** A full edit: once agreed, only NAV may still edit a meeting. */
export function mayEditContent(activity: Activity, role: Role): boolean {
  if (!activity.editable || activity.type === 'EXTERNAL') {
    return false;
  }
  return !activity.agreedWithNav || (role === 'advisor' && activity.type === 'MEETING');
}

/** The end date of an agreed activity: NAV on every type but meetings, the citizen on medical treatment. */
export function mayChangeEndDate(activity: Activity, role: Role): boolean {
  if (!activity.editable || !activity.agreedWithNav || activity.type === 'EXTERNAL') {
    return false;
  }
  return role === 'advisor' ? activity.type !== 'MEETING' : activity.type === 'MEDICAL_TREATMENT';
}

/** Only NAV marks as agreed; never a conversation summary, never twice. */
export function mayAgree(activity: Activity, role: Role): boolean {
  return role === 'advisor' && activity.editable && !activity.agreedWithNav && activity.type !== 'CONVERSATION_SUMMARY' && activity.type !== 'EXTERNAL';
}

/** NAV writes a meeting's or a conversation's summary while the activity is open. */
export function mayWriteSummary(activity: Activity, role: Role): boolean {
  return role === 'advisor' && activity.editable && (activity.type === 'MEETING' || activity.type === 'CONVERSATION_SUMMARY');
}

/** The citizen answers a suggestion NAV made. */
export function mayAnswerSuggestion(activity: Activity, role: Role): boolean {
  return role === 'citizen' && activity.editable && activity.status === 'SUGGESTED' && activity.proposedBy === 'ADVISOR';
}
