import { AppError } from '#common/errors.ts';
import type { Period } from '#common/schemas/plan.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { Clock } from '#server/clock.ts';
import type { Db, Tx } from '#server/db/database.ts';
import type { PersonService } from '#server/features/person/person.service.ts';
import { publishLive } from '#server/live/live.repository.ts';
import { appendEvent } from '#server/outbox/outbox.repository.ts';
import { presentPeriod, presentPeriods } from './period.presenter.ts';

export { presentPeriod } from './period.presenter.ts';
import { auditRead, auditWrite } from '#server/features/audit/audit.service.ts';
import { requireAdvisor } from '#server/policy/access-policy.ts';
import * as repo from './period.repository.ts';

export interface PeriodDeps {
  db: Db;
  clock: Clock;
  persons: PersonService;
  /** Told, inside the transaction that ends a period, so that other features close their part (the dialog). */
  onPeriodEnded?: (tx: Tx, ended: { personId: string; periodId: string; at: Date }) => Promise<void>;
}

/** Follow-up periods: an advisor with access to the person starts and ends them (product.md C3). */
export function createPeriodService(deps: PeriodDeps) {
  const { db, clock, persons } = deps;

  const requireNav = (principal: Principal): string => requireAdvisor(principal, 'starts and ends follow-up periods').ident;

  return {
    async list(principal: Principal, personId: string): Promise<Period[]> {
      await persons.resolve(principal, personId, auditRead('PERIODS'));
      return presentPeriods(await repo.listForPerson(db, personId));
    },

    async start(principal: Principal, personId: string): Promise<Period> {
      await persons.resolve(principal, personId, null);
      const ident = requireNav(principal);
      return db.transaction().execute(async (tx) => {
        const person = await persons.resolveForWrite(principal, personId, tx, auditWrite('PERIODS'));
        if (person.currentPeriodId) {
          throw new AppError('conflict', 'The person already has a current follow-up period', { currentPeriodId: person.currentPeriodId });
        }
        const now = clock.now();
        const period = await repo.insert(tx, personId, now, ident);
        await appendEvent(tx, 'period.started', period.id, { periodId: period.id, personId }, now);
        await publishLive(tx, personId, { kind: 'plan.changed', actorSide: 'NAV', payload: {} }, now);
        return presentPeriod(period);
      });
    },

    /** Ends the current period: its plan becomes read-only for everyone; activities keep their status. */
    async end(principal: Principal, personId: string, periodId: string): Promise<Period> {
      await persons.resolve(principal, personId, null);
      const ident = requireNav(principal);
      return db.transaction().execute(async (tx) => {
        const person = await persons.resolveForWrite(principal, personId, tx, auditWrite('PERIODS'));
        if (person.currentPeriodId !== periodId) {
          const known = (await repo.listForPerson(tx, personId)).some((p) => p.id === periodId);
          throw known ? new AppError('conflict', 'The follow-up period has already ended') : new AppError('not_found', 'No such follow-up period');
        }
        if (person.kvpOfficeId) {
          throw new AppError('conflict', 'The follow-up period cannot end while a KVP period is open');
        }
        const now = clock.now();
        const ended = await repo.end(tx, periodId, now, ident);
        if (!ended) {
          throw new AppError('conflict', 'The follow-up period has already ended');
        }
        await appendEvent(tx, 'period.ended', periodId, { periodId, personId }, now);
        await deps.onPeriodEnded?.(tx, { personId, periodId, at: now });
        await publishLive(tx, personId, { kind: 'plan.changed', actorSide: 'NAV', payload: {} }, now);
        return presentPeriod(ended);
      });
    },
  };
}

export type PeriodService = ReturnType<typeof createPeriodService>;
