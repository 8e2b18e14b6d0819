import { AppError } from '#common/errors.ts';
import type { KvpChangeInput, KvpPeriod } from '#common/schemas/follow-up.ts';
import type { Principal } from '#server/auth/principal.ts';
import { auditRead, auditWrite } from '#server/features/audit/audit.service.ts';
import { publishLive } from '#server/live/live.repository.ts';
import { canSeeKvpContent, requireAdvisor } from '#server/policy/access-policy.ts';
import { presentKvp } from './follow-up.presenter.ts';
import * as repo from './follow-up.repository.ts';
import type { FollowUpDeps } from './follow-up.deps.ts';

/**
 * KVP periods (product.md C3; reference B9): an advisor at the person's office starts one during a
 * follow-up period, at most one open; only an advisor at the KVP office ends it. While one is open,
 * new activities and messages are stamped with its office and seen by the citizen and by advisors
 * at that office only. A follow-up period cannot end while a KVP period is open (period.service.ts).
 */
export function createKvpService(deps: FollowUpDeps) {
  const { db, clock, persons } = deps;

  return {
    /** The person's KVP periods that the advisor may know of (those at one of their offices), newest first. */
    async list(principal: Principal, personId: string): Promise<{ kvpPeriods: KvpPeriod[] }> {
      await persons.resolve(principal, personId, auditRead('KVP'));
      requireAdvisor(principal, 'sees KVP periods');
      const rows = await repo.listKvp(db, personId);
      return { kvpPeriods: rows.filter((row) => canSeeKvpContent(principal, row.officeId)).map(presentKvp) };
    },

    async start(principal: Principal, personId: string, input: KvpChangeInput): Promise<KvpPeriod> {
      await persons.resolve(principal, personId, null);
      const advisor = requireAdvisor(principal, 'starts KVP periods');
      return db.transaction().execute(async (tx) => {
        const person = await persons.resolveForWrite(principal, personId, tx, auditWrite('KVP'));
        if (!advisor.offices.includes(person.officeId)) {
          throw new AppError('forbidden', "Only an advisor at the person's office starts a KVP period");
        }
        if (!person.currentPeriodId) {
          throw new AppError('conflict', 'A KVP period starts only during a follow-up period', { reason: 'NO_CURRENT_PERIOD' });
        }
        if (person.kvpOfficeId) {
          throw new AppError('conflict', 'The person already has an open KVP period', { reason: 'KVP_OPEN' });
        }
        const now = clock.now();
        const row = await repo.insertKvp(tx, { personId, officeId: person.officeId, startedAt: now, startedByIdent: advisor.ident, startReason: input.reason });
        await publishLive(tx, personId, { kind: 'plan.changed', audience: 'NAV', actorSide: 'NAV', payload: {} }, now);
        return presentKvp(row);
      });
    },

    async end(principal: Principal, personId: string, kvpPeriodId: string, input: KvpChangeInput): Promise<KvpPeriod> {
      await persons.resolve(principal, personId, null);
      const advisor = requireAdvisor(principal, 'ends KVP periods');
      return db.transaction().execute(async (tx) => {
        await persons.resolveForWrite(principal, personId, tx, auditWrite('KVP'));
        const current = await repo.getKvp(tx, personId, kvpPeriodId);
        if (!current) {
          throw new AppError('not_found', 'No such KVP period');
        }
        if (!canSeeKvpContent(principal, current.officeId)) {
          throw new AppError('forbidden', 'Only an advisor at the KVP office ends the KVP period');
        }
        const now = clock.now();
        const ended = current.endedAt === null ? await repo.endKvp(tx, current.id, { endedAt: now, endedByIdent: advisor.ident, endReason: input.reason }) : undefined;
        if (!ended) {
          throw new AppError('conflict', 'The KVP period has already ended');
        }
        await publishLive(tx, personId, { kind: 'plan.changed', audience: 'NAV', actorSide: 'NAV', payload: {} }, now);
        return presentKvp(ended);
      });
    },
  };
}

export type KvpService = ReturnType<typeof createKvpService>;
