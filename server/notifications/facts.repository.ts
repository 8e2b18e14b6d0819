import type { DbOrTx } from '#server/db/database.ts';
import { currentPeriodIdOf, manualFollowUpOf } from '#server/db/person-state.ts';

/**
 * Read-only facts the notification rules need from the plan and the dialog, read straight from
 * their tables (this cross-cutting module imports no feature). Ids in, ids and flags out.
 */
export interface RecipientFacts {
  nationalId: string;
  language: 'nb' | 'nn' | 'en';
  manualFollowUp: boolean;
  currentPeriodId: string | null;
}

export async function recipient(db: DbOrTx, personId: string): Promise<RecipientFacts | undefined> {
  const row = await db
    .selectFrom('person')
    .select(['person.nationalId', 'person.language'])
    .select((eb) => [currentPeriodIdOf(eb), manualFollowUpOf(eb)])
    .where('person.id', '=', personId)
    .executeTakeFirst();
  return row && { nationalId: row.nationalId, language: row.language, manualFollowUp: row.manualFollowUp ?? false, currentPeriodId: row.currentPeriodId ?? null };
}

export interface ActivityFacts {
  id: string;
  personId: string;
  periodId: string;
  type: string;
  status: string;
  /** Meetings only. */
  startsAt: Date | null;
  advanceNoticeType: string | null;
  advanceNoticeReadAt: string | null;
}

export async function activity(db: DbOrTx, activityId: string): Promise<ActivityFacts | undefined> {
  const row = await db
    .selectFrom('activity')
    .select(['id', 'personId', 'periodId', 'type', 'status', 'details', 'advanceNotice'])
    .where('id', '=', activityId)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const startsAt = typeof row.details.startsAt === 'string' ? new Date(row.details.startsAt) : null;
  const notice = row.advanceNotice;
  return {
    id: row.id,
    personId: row.personId,
    periodId: row.periodId,
    type: row.type,
    status: row.status,
    startsAt: startsAt && !Number.isNaN(startsAt.getTime()) ? startsAt : null,
    advanceNoticeType: typeof notice?.type === 'string' ? notice.type : null,
    advanceNoticeReadAt: typeof notice?.readAt === 'string' ? notice.readAt : null,
  };
}

export interface ThreadFacts {
  id: string;
  personId: string;
  periodId: string;
  escalation: boolean;
  unreadForCitizen: number;
}

export async function thread(db: DbOrTx, threadId: string): Promise<ThreadFacts | undefined> {
  return db.selectFrom('thread').select(['id', 'personId', 'periodId', 'escalation', 'unreadForCitizen']).where('id', '=', threadId).executeTakeFirst();
}

export async function messageSender(db: DbOrTx, messageId: number): Promise<{ threadId: string; senderRole: string } | undefined> {
  return db.selectFrom('message').select(['threadId', 'senderRole']).where('id', '=', messageId).executeTakeFirst();
}

export interface EscalationFacts {
  id: string;
  personId: string;
  periodId: string;
  threadId: string;
  active: boolean;
}

export async function escalation(db: DbOrTx, where: { id: string } | { threadId: string }): Promise<EscalationFacts | undefined> {
  let query = db.selectFrom('escalation_warning').select(['id', 'personId', 'periodId', 'threadId', 'stoppedAt']);
  query = 'id' in where ? query.where('id', '=', where.id) : query.where('threadId', '=', where.threadId).orderBy('startedAt', 'desc').limit(1);
  const row = await query.executeTakeFirst();
  return row && { id: row.id, personId: row.personId, periodId: row.periodId, threadId: row.threadId, active: row.stoppedAt === null };
}
