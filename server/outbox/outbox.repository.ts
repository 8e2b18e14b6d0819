import { sql, type RawBuilder } from 'kysely';
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

export interface OutboxRow {
  topic: OutboxTopic;
  aggregateId: string;
  /** A jsonb expression of ids only: never names, national ids or message text. */
  payload: RawBuilder<unknown>;
  at: Date;
}

/**
 * The insert of outbox rows, as part of a larger statement (a common table expression) or alone.
 * createdAt is the app clock's time of the change: the notification worker reckons delays from it.
 */
export function insertOutboxSql(rows: readonly OutboxRow[]): RawBuilder<unknown> {
  const values = rows.map((r) => sql`(${r.topic}, ${r.aggregateId}, ${r.payload}, ${r.at}::timestamptz, ${r.at}::timestamptz)`);
  return sql`insert into outbox (topic, "aggregateId", payload, "createdAt", "availableAt") values ${sql.join(values)}`;
}

/**
 * Appends an event in the caller's transaction, so the event exists exactly when the change does.
 * Payloads carry ids, never names, national ids or message text.
 */
export async function appendEvent(db: DbOrTx, topic: OutboxTopic, aggregateId: string, payload: Record<string, unknown>, at: Date): Promise<void> {
  await insertOutboxSql([{ topic, aggregateId, payload: sql`${JSON.stringify(payload)}::jsonb`, at }]).execute(db);
}
