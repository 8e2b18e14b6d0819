import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '#server/db/database.ts';
import type { Principal } from './principal.ts';

/**
 * The only code that touches `web_session` and `pending_auth_request`. Sessions are looked up by
 * the SHA-256 of the cookie value, so the table alone never lets anyone take over a session.
 */
export interface StoredSession {
  id: string;
  principal: Principal;
  displayName: string | null;
  csrfToken: string;
  idToken: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  endedAt: Date | null;
}

export function sessionIdOf(cookieValue: string): string {
  return createHash('sha256').update(cookieValue).digest('hex');
}

export async function insertSession(db: Db, session: Omit<StoredSession, 'endedAt'>): Promise<void> {
  await db
    .insertInto('web_session')
    .values({ ...session, principal: JSON.stringify(session.principal), endedAt: null, endReason: null })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<StoredSession | null> {
  const row = await db
    .selectFrom('web_session')
    .select(['id', 'principal', 'displayName', 'csrfToken', 'idToken', 'createdAt', 'lastSeenAt', 'idleExpiresAt', 'absoluteExpiresAt', 'endedAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  return {
    ...row,
    principal: row.principal as unknown as Principal,
    createdAt: new Date(row.createdAt),
    lastSeenAt: new Date(row.lastSeenAt),
    idleExpiresAt: new Date(row.idleExpiresAt),
    absoluteExpiresAt: new Date(row.absoluteExpiresAt),
    endedAt: row.endedAt ? new Date(row.endedAt) : null,
  };
}

/** Moves the idle expiry; never revives an ended session. */
export async function touchSession(db: Db, id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
  await db.updateTable('web_session').set({ lastSeenAt, idleExpiresAt }).where('id', '=', id).where('endedAt', 'is', null).execute();
}

/** Every app instance hears on this channel which session ended, and closes that session's live streams. */
export const SESSION_ENDED_CHANNEL = 'session_ended';

export async function endSession(db: Db, id: string, at: Date, reason: 'LOGOUT' | 'REPLACED'): Promise<void> {
  const ended = await db
    .updateTable('web_session')
    .set({ endedAt: at, endReason: reason })
    .where('id', '=', id)
    .where('endedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (ended) {
    // The id is the SHA-256 of the cookie value: it names the session without being able to take it over.
    await sql`select pg_notify(${SESSION_ENDED_CHANNEL}::text, ${id}::text)`.execute(db);
  }
}

/** Sessions past their absolute expiry are of no use to anyone; they go a day later. */
export async function deleteStaleSessions(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('web_session')
    .where('absoluteExpiresAt', '<', new Date(now.getTime() - 24 * 3600 * 1000))
    .execute();
}

export interface PendingAuthRequest {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
}

export async function insertPendingAuthRequest(db: Db, request: PendingAuthRequest): Promise<void> {
  await db.insertInto('pending_auth_request').values(request).execute();
}

/** Takes the request out in one statement, so a callback replayed (or raced) finds nothing. */
export async function takePendingAuthRequest(db: Db, state: string, now: Date): Promise<PendingAuthRequest | null> {
  const row = await db
    .deleteFrom('pending_auth_request')
    .where('state', '=', state)
    .returning(['state', 'nonce', 'codeVerifier', 'returnTo', 'expiresAt'])
    .executeTakeFirst();
  if (!row || new Date(row.expiresAt) <= now) {
    return null;
  }
  return { ...row, expiresAt: new Date(row.expiresAt) };
}

export async function deleteExpiredPendingAuthRequests(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('pending_auth_request').where('expiresAt', '<', now).execute();
}
