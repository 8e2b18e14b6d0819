import type { DbOrTx } from '#server/db/database.ts';

/** Event topics, `<aggregate>.<pastTenseVerb>`; the dialog and notification issues consume them. */
export type OutboxTopic =
  | 'activity.created'
  | 'advance_notice.created'
  | 'meeting.created'
  | 'meeting.changed'
  | 'summary.shared'
  | 'period.started'
  | 'period.ended'
  // The dialog (issue 4): the notification worker consumes these.
  | 'message.sent'
  | 'thread.read'
  | 'advance_notice.read'
  | 'escalation.started'
  | 'escalation.stopped';

/**
 * Appends an event in the caller's transaction, so the event exists exactly when the change does.
 * Payloads carry ids, never names, national ids or message text.
 */
export async function appendEvent(db: DbOrTx, topic: OutboxTopic, aggregateId: string, payload: Record<string, unknown>, at: Date): Promise<void> {
  // createdAt is the app clock's time of the change: the notification worker reckons delays from it.
  await db.insertInto('outbox').values({ topic, aggregateId, payload: JSON.stringify(payload), createdAt: at, availableAt: at }).execute();
}
