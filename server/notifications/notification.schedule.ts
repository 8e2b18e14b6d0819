import type { Tx } from '#server/db/database.ts';
import type { NotificationKind } from '#server/db/types.ts';
import type { OutboxTopic } from '#server/outbox/outbox.repository.ts';
import type { OutboxEvent, OutboxHandler } from '#server/outbox/worker.ts';
import * as facts from './facts.repository.ts';
import * as repo from './notification.repository.ts';
import { meetingReminderDue } from './notification.time.ts';

/**
 * What each outbox event does to the citizen's notifications (product.md C2). Events only plan:
 * they insert, merge, move or cancel rows of `notification`; sending is notification.delivery.ts.
 * Each rule is also checked again when a notification is sent, so an event handled late or out of
 * order (two workers) cannot make a wrong one go out.
 */
export const ADVANCE_NOTICE_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

export interface ScheduleOptions {
  /** Minutes a NAV message waits before its notification goes out, so that several become one. */
  delayMinutes: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the payload (or, when the payload lacks it, the aggregate id); undefined unless it is a uuid. */
function idFrom(event: OutboxEvent, key: string, orAggregate = true): string | undefined {
  const value = event.payload[key] ?? (orAggregate ? event.aggregateId : undefined);
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

async function onNavMessage(tx: Tx, event: OutboxEvent, now: Date, options: ScheduleOptions): Promise<void> {
  const threadId = idFrom(event, 'threadId');
  if (event.payload.side !== 'NAV' || !threadId) {
    return; // The citizen's own messages never notify.
  }
  const thread = await facts.thread(tx, threadId);
  if (!thread) {
    return;
  }
  const [open] = await repo.findOpen(tx, threadId, ['NAV_MESSAGE']);
  if (open) {
    await repo.merge(tx, open.id, now);
    return;
  }
  const dueAt = new Date(event.createdAt.getTime() + options.delayMinutes * 60_000);
  await repo.insert(tx, { personId: thread.personId, periodId: thread.periodId, kind: 'NAV_MESSAGE', subjectId: threadId, dueAt }, now);
}

async function onThreadRead(tx: Tx, event: OutboxEvent, now: Date): Promise<void> {
  const threadId = idFrom(event, 'threadId');
  if (event.payload.side === 'CITIZEN' && threadId) {
    // The citizen has seen it: the next NAV message notifies afresh.
    await repo.cancelOpen(tx, { subjectId: threadId }, ['NAV_MESSAGE', 'ESCALATION_WARNING'], 'READ', now);
  }
}

async function onAdvanceNotice(tx: Tx, event: OutboxEvent, now: Date): Promise<void> {
  const activityId = idFrom(event, 'activityId');
  const activity = activityId ? await facts.activity(tx, activityId) : undefined;
  if (!activity || event.payload.type === 'NONE' || activity.advanceNoticeType === 'NONE' || activity.advanceNoticeType === null) {
    return;
  }
  const base = { personId: activity.personId, periodId: activity.periodId, subjectId: activity.id };
  await repo.insert(tx, { ...base, kind: 'ADVANCE_NOTICE', dueAt: event.createdAt }, now);
  const reminderAt = new Date(event.createdAt.getTime() + ADVANCE_NOTICE_REMINDER_DAYS * DAY_MS);
  await repo.insert(tx, { ...base, kind: 'ADVANCE_NOTICE_REMINDER', dueAt: reminderAt }, now);
}

async function onAdvanceNoticeRead(tx: Tx, event: OutboxEvent, now: Date): Promise<void> {
  const activityId = idFrom(event, 'activityId');
  if (activityId) {
    await repo.cancelOpen(tx, { subjectId: activityId }, ['ADVANCE_NOTICE_REMINDER'], 'READ', now);
  }
}

/** Puts the meeting's reminder where the meeting now is: moved, added, or dropped when already past. */
async function planReminder(tx: Tx, activity: facts.ActivityFacts, eventAt: Date, now: Date): Promise<void> {
  const dueAt = activity.startsAt ? meetingReminderDue(activity.startsAt) : null;
  const [open] = await repo.findOpen(tx, activity.id, ['MEETING_REMINDER']);
  if (open) {
    if (dueAt && dueAt > eventAt) {
      await repo.reschedule(tx, open.id, dueAt, now);
    } else {
      await repo.cancelOpen(tx, { subjectId: activity.id }, ['MEETING_REMINDER'], 'TOO_LATE', now);
    }
    return;
  }
  if (dueAt && dueAt > eventAt) {
    await repo.insert(tx, { personId: activity.personId, periodId: activity.periodId, kind: 'MEETING_REMINDER', subjectId: activity.id, dueAt }, now);
  }
}

async function onMeeting(tx: Tx, event: OutboxEvent, now: Date, kind: 'MEETING_NEW' | 'MEETING_CHANGED'): Promise<void> {
  const activityId = idFrom(event, 'activityId');
  const activity = activityId ? await facts.activity(tx, activityId) : undefined;
  if (!activity || activity.type !== 'MEETING') {
    return;
  }
  // A "new" or "changed" notice not yet sent already points the citizen at the meeting as it now is.
  const [waiting] = await repo.findOpen(tx, activity.id, ['MEETING_NEW', 'MEETING_CHANGED']);
  if (waiting) {
    await repo.merge(tx, waiting.id, now);
  } else {
    await repo.insert(tx, { personId: activity.personId, periodId: activity.periodId, kind, subjectId: activity.id, dueAt: event.createdAt }, now);
  }
  await planReminder(tx, activity, event.createdAt, now);
}

async function onActivityNotice(tx: Tx, event: OutboxEvent, now: Date, kind: NotificationKind): Promise<void> {
  const activityId = idFrom(event, 'activityId');
  const activity = activityId ? await facts.activity(tx, activityId) : undefined;
  if (activity) {
    await repo.insert(tx, { personId: activity.personId, periodId: activity.periodId, kind, subjectId: activity.id, dueAt: event.createdAt }, now);
  }
}

async function onEscalationStarted(tx: Tx, event: OutboxEvent, now: Date): Promise<void> {
  const warningId = idFrom(event, 'warningId');
  const warning = warningId ? await facts.escalation(tx, { id: warningId }) : undefined;
  if (warning?.active) {
    const row = { personId: warning.personId, periodId: warning.periodId, kind: 'ESCALATION_WARNING' as const, subjectId: warning.threadId, dueAt: event.createdAt };
    await repo.insert(tx, row, now);
  }
}

async function onEscalationStopped(tx: Tx, event: OutboxEvent, now: Date): Promise<void> {
  const warningId = idFrom(event, 'warningId');
  const warning = warningId ? await facts.escalation(tx, { id: warningId }) : undefined;
  if (warning) {
    await repo.cancelOpen(tx, { subjectId: warning.threadId }, ['ESCALATION_WARNING'], 'STOPPED', now);
  }
}

async function onPeriodEnded(tx: Tx, event: OutboxEvent, now: Date): Promise<void> {
  const personId = idFrom(event, 'personId', false);
  if (personId) {
    await repo.cancelOpen(tx, { personId }, null, 'PERIOD_ENDED', now);
  }
}

/** The handlers by topic; server.ts registers them with the worker. */
export function notificationHandlers(options: ScheduleOptions): Array<[OutboxTopic, OutboxHandler]> {
  return [
    ['message.sent', (tx, event, now) => onNavMessage(tx, event, now, options)],
    ['thread.read', onThreadRead],
    ['advance_notice.created', onAdvanceNotice],
    ['advance_notice.read', onAdvanceNoticeRead],
    ['meeting.created', (tx, event, now) => onMeeting(tx, event, now, 'MEETING_NEW')],
    ['meeting.changed', (tx, event, now) => onMeeting(tx, event, now, 'MEETING_CHANGED')],
    ['summary.shared', (tx, event, now) => onActivityNotice(tx, event, now, 'SUMMARY_SHARED')],
    ['escalation.started', onEscalationStarted],
    ['escalation.stopped', onEscalationStopped],
    ['period.ended', onPeriodEnded],
  ];
}
