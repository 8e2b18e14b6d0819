import { sql } from 'kysely';
import type { LiveEventKind } from '#common/schemas/dialog.ts';
import type { DbOrTx } from '#server/db/database.ts';

/** The PostgreSQL channel every app instance listens on (LISTEN/NOTIFY). */
export const LIVE_CHANNEL = 'live_event';

export interface LiveEventInput {
  kind: LiveEventKind;
  /** Who may hear it; 'NAV' for what the citizen must not learn of (an unshared summary, NAV's own flags). */
  audience?: 'ALL' | 'NAV' | 'CITIZEN';
  actorSide: 'CITIZEN' | 'NAV' | null;
  /** Ids only: never text, names or national ids. */
  payload: Record<string, string>;
}

/** What goes through NOTIFY: the stored event, so listeners need not read it back. */
export interface LiveNotice {
  id: number;
  personId: string;
  kind: LiveEventKind;
  audience: 'ALL' | 'NAV' | 'CITIZEN';
  actorSide: 'CITIZEN' | 'NAV' | null;
  payload: Record<string, string>;
  at: string;
}

/**
 * Records a live event in the caller's transaction and notifies every app instance. NOTIFY is
 * transactional: listeners hear it when, and only if, the change commits. The row lets a page that
 * reconnects catch up on what it missed (Last-Event-ID).
 */
export async function publishLive(db: DbOrTx, personId: string, event: LiveEventInput, at: Date): Promise<void> {
  const audience = event.audience ?? 'ALL';
  const row = await db
    .insertInto('live_event')
    .values({ personId, kind: event.kind, audience, actorSide: event.actorSide, payload: JSON.stringify(event.payload), createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notice: LiveNotice = { id: row.id, personId, kind: event.kind, audience, actorSide: event.actorSide, payload: event.payload, at: at.toISOString() };
  await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notice)})`.execute(db);
}
