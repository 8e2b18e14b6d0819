import type { AccessLog, AuditSubject } from '#common/schemas/follow-up.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { Clock } from '#server/clock.ts';
import type { Db, DbOrTx } from '#server/db/database.ts';
import type { AuditAction } from '#server/db/types.ts';
import { officeOfAccess, requireCitizen } from '#server/policy/access-policy.ts';
import * as repo from './audit.repository.ts';

/** How many advisor half hours the citizen's page shows at a time. */
const VISITS_PAGE = 100;

export interface AuditUse {
  action: Extract<AuditAction, 'READ' | 'WRITE'>;
  subject: AuditSubject;
}

type AuditedPerson = { id: string; officeId: string; kvpOfficeId?: string | null };

export type { AuditEntry } from './audit.repository.ts';

export const auditRead = (subject: AuditSubject): AuditUse => ({ action: 'READ', subject });
export const auditWrite = (subject: AuditSubject): AuditUse => ({ action: 'WRITE', subject });

/**
 * The audit log (product.md C3): one record per read of a person's data by an advisor, per write
 * by an advisor, and per list or search query (with the query, not one per row). Written in the
 * caller's transaction for writes, so a refused or rolled-back write leaves no record and an
 * acknowledged one always has its record. Citizens' own reads are not NAV looking: not recorded.
 */
export function createAuditService(deps: { clock: Clock }) {
  const { clock } = deps;

  return {
    /** The record of an advisor's read or write of one person's data; null for anyone but an advisor. */
    entryFor(principal: Principal, person: AuditedPerson, use: AuditUse): repo.AuditEntry | null {
      if (principal.kind !== 'advisor') {
        return null;
      }
      return {
        at: clock.now(),
        actorIdent: principal.ident,
        actorName: principal.name,
        actorOfficeId: officeOfAccess(principal, person),
        action: use.action,
        subject: use.subject,
        personId: person.id,
        query: null,
      };
    },

    /** Records an advisor's read or write of one person's data. */
    async personAccess(tx: DbOrTx, principal: Principal, person: AuditedPerson, use: AuditUse): Promise<void> {
      const entry = this.entryFor(principal, person, use);
      if (entry) {
        await repo.insertAudit(tx, entry);
      }
    },

    /** Records a list, search or setting query with what was asked (not one record per row). */
    async query(tx: DbOrTx, principal: Principal, action: Extract<AuditAction, 'LIST' | 'SEARCH' | 'SETTING'>, subject: AuditSubject, query: Record<string, unknown>, officeId: string | null = null): Promise<void> {
      if (principal.kind !== 'advisor') {
        return;
      }
      await repo.insertAudit(tx, {
        at: clock.now(),
        actorIdent: principal.ident,
        actorName: principal.name,
        actorOfficeId: officeId ?? principal.offices[0] ?? null,
        action,
        subject,
        personId: null,
        query,
      });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

/**
 * A page of visits that ends where a half hour ends: the next page asks for what came before the
 * last half hour shown, so a half hour cut in two would lose its other advisors. A half hour with
 * more advisors than a page holds comes whole.
 */
async function pageOfVisits(db: Db, personId: string, before: Date | null): Promise<{ rows: repo.VisitRow[]; more: boolean }> {
  const rows = await repo.visitsOf(db, personId, { before }, VISITS_PAGE + 1);
  if (rows.length <= VISITS_PAGE) {
    return { rows, more: false };
  }
  const cut = new Date(rows[VISITS_PAGE]!.bucket).getTime();
  const whole = rows.slice(0, VISITS_PAGE).filter((row) => new Date(row.bucket).getTime() !== cut);
  if (whole.length > 0) {
    return { rows: whole, more: true };
  }
  const halfHour = await repo.visitsOf(db, personId, { before, from: new Date(cut) }, null);
  const older = await repo.visitsOf(db, personId, { before: new Date(cut) }, 1);
  return { rows: halfHour, more: older.length > 0 };
}

/** "Who has looked at my plan": the citizen's own page, one row per advisor and half hour. */
export function createAccessLogService(deps: { db: Db; persons: { resolve(principal: Principal, personId: string, use: null): Promise<{ id: string }> } }) {
  return {
    async list(principal: Principal, personId: string, before: Date | null): Promise<AccessLog> {
      const person = await deps.persons.resolve(principal, personId, null);
      requireCitizen(principal, 'sees this list of who at NAV opened their plan');
      const { rows, more } = await pageOfVisits(deps.db, person.id, before);
      return {
        visits: rows.map((row) => ({
          advisor: { name: row.actorName },
          office: { id: row.actorOfficeId, name: row.officeName },
          from: new Date(row.bucket).toISOString(),
          to: new Date(row.last).toISOString(),
          opened: (row.opened ?? []) as AuditSubject[],
          changed: (row.changed ?? []) as AuditSubject[],
        })),
        more,
      };
    },
  };
}

export type AccessLogService = ReturnType<typeof createAccessLogService>;
