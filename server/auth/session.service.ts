import { randomBytes } from 'node:crypto';
import type { Clock } from '#server/clock.ts';
import type { Db } from '#server/db/database.ts';
import type { Principal } from './principal.ts';
import { deleteStaleSessions, endSession, findSession, insertSession, sessionIdOf, touchSession, type StoredSession } from './session.store.ts';

/**
 * Server-side web sessions (product.md C10): an idle timeout that only requests a person makes
 * extend, and an absolute limit that nothing extends. The time source is the app's Clock so that
 * tests move time instead of waiting.
 */
export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

/**
 * Extending the idle timeout is a write; doing it at most once a minute per session keeps it from
 * being a write per request. The price: the idle timeout may run out up to this much early.
 */
export const TOUCH_THROTTLE_MS = 60 * 1000;

export interface SessionService {
  /** Starts a session; the returned cookie value is the only copy of the secret. */
  create(input: { principal: Principal; displayName: string | null; idToken: string | null }): Promise<{ cookieValue: string; session: StoredSession }>;
  /** The session behind a cookie value, or null when unknown, ended, idle too long or too old. */
  resolve(cookieValue: string): Promise<StoredSession | null>;
  /** Extends the idle timeout (throttled unless `force`), never past the absolute expiry. */
  touch(session: StoredSession, options?: { force?: boolean }): Promise<StoredSession>;
  end(session: StoredSession, reason: 'LOGOUT' | 'REPLACED'): Promise<void>;
}

export function createSessionService(db: Db, clock: Clock, settings: SessionSettings): SessionService {
  const idleMs = settings.idleMinutes * 60 * 1000;
  const maxMs = settings.maxHours * 3600 * 1000;
  const idleExpiry = (from: Date, absolute: Date) => new Date(Math.min(from.getTime() + idleMs, absolute.getTime()));

  return {
    async create({ principal, displayName, idToken }) {
      const now = clock.now();
      const cookieValue = randomBytes(32).toString('base64url');
      const absoluteExpiresAt = new Date(now.getTime() + maxMs);
      const session = {
        id: sessionIdOf(cookieValue),
        principal,
        displayName,
        csrfToken: randomBytes(32).toString('base64url'),
        idToken,
        createdAt: now,
        lastSeenAt: now,
        idleExpiresAt: idleExpiry(now, absoluteExpiresAt),
        absoluteExpiresAt,
      };
      await insertSession(db, session);
      // Housekeeping on login rather than on a timer: logins are rare enough and always happen.
      await deleteStaleSessions(db, now);
      return { cookieValue, session: { ...session, endedAt: null } };
    },

    async resolve(cookieValue) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) {
        return null;
      }
      const session = await findSession(db, sessionIdOf(cookieValue));
      const now = clock.now().getTime();
      if (!session || session.endedAt || now >= session.idleExpiresAt.getTime() || now >= session.absoluteExpiresAt.getTime()) {
        return null;
      }
      return session;
    },

    async touch(session, options = {}) {
      const now = clock.now();
      if (!options.force && now.getTime() - session.lastSeenAt.getTime() < TOUCH_THROTTLE_MS) {
        return session;
      }
      const idleExpiresAt = idleExpiry(now, session.absoluteExpiresAt);
      await touchSession(db, session.id, now, idleExpiresAt);
      return { ...session, lastSeenAt: now, idleExpiresAt };
    },

    async end(session, reason) {
      await endSession(db, session.id, clock.now(), reason);
    },
  };
}
