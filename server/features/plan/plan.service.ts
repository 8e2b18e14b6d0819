import { AppError } from '#common/errors.ts';
import type { Goal, GoalUpdateInput, Plan, PlanQuery } from '#common/schemas/plan.ts';
import { actorIdentOf, actorRoleOf, type Principal } from '#server/auth/principal.ts';
import type { Clock } from '#server/clock.ts';
import type { Db } from '#server/db/database.ts';
import { publishLive } from '#server/live/live.repository.ts';
import {
  assertWritable,
  citizenReserved,
  isEditable,
  presentActivity,
  presentChangedBy,
  readOnlyReason,
  sideOf,
  sideOfRole,
  visibleTo,
} from '#server/features/activity/activity.service.ts';
import type { PersonService } from '#server/features/person/person.service.ts';
import { presentPeriod } from '#server/features/period/period.service.ts';
import { auditRead, auditWrite } from '#server/features/audit/audit.service.ts';
import { canSeeKvpContent } from '#server/policy/access-policy.ts';
import * as repo from './plan.repository.ts';

export interface PlanDeps {
  db: Db;
  clock: Clock;
  persons: PersonService;
}

function presentGoal(side: 'CITIZEN' | 'NAV', goal: repo.GoalRecord | null): Goal | null {
  if (!goal) {
    return null;
  }
  return {
    text: goal.text,
    version: goal.version,
    changedAt: new Date(goal.changedAt).toISOString(),
    changedBy: presentChangedBy({ side }, goal.actorRole, goal.actorIdent),
    unread: sideOfRole(goal.actorRole) !== side && goal.version > (goal.readVersion ?? 0),
  };
}

/** The board: goal and activities of one period, and the goal's own history. */
export function createPlanService(deps: PlanDeps) {
  const { db, clock, persons } = deps;

  return {
    async read(principal: Principal, personId: string, query: PlanQuery): Promise<Plan> {
      const side = sideOf(principal);
      // A reserved citizen reads the plan but cannot write it: said here so the page offers nothing it would refuse.
      const [read, reserved] = await Promise.all([repo.readPersonPlan(db, personId, query.periodId ?? null, side), citizenReserved(persons, principal)]);
      // Access checked, and an advisor's read recorded, before anything is answered.
      const person = await persons.admit(principal, read?.person, auditRead('PLAN'));
      const { plan: rows, periodId } = read!;
      if (query.periodId && !rows.periods.some((p) => p.id === query.periodId)) {
        throw new AppError('not_found', 'No such follow-up period');
      }
      const period = rows.periods.find((p) => p.id === periodId) ?? null;
      const reason = readOnlyReason(side, person, periodId, reserved);
      const writable = reason === null;
      const viewer = { side };
      const activities = rows.activities
        // A summary not shared stays from the citizen; KVP content from advisors at other offices.
        .filter((a) => visibleTo(viewer, a) && canSeeKvpContent(principal, a.kvpOfficeId))
        .filter((a) => !query.type || query.type.includes(a.type as never))
        .filter((a) => !query.status || query.status.includes(a.status as never))
        .filter((a) => query.agreed === undefined || a.agreedWithNav === (query.agreed === 'true'))
        .filter((a) => !query.label || (a.applicationStatus !== null && query.label.includes(a.applicationStatus as never)))
        .map((a) => presentActivity(viewer, a, a.readVersion ?? 0, isEditable(side, a, writable)));
      return {
        personId,
        period: period ? presentPeriod(period) : null,
        periods: rows.periods.map(presentPeriod),
        goal: presentGoal(side, rows.goal),
        activities,
        writable,
        readOnlyReason: reason,
      };
    },

    async updateGoal(principal: Principal, personId: string, input: GoalUpdateInput): Promise<Goal> {
      const side = sideOf(principal);
      const reserved = await citizenReserved(persons, principal);
      return db.transaction().execute(async (tx) => {
        const person = await persons.resolveForWrite(principal, personId, tx, auditWrite('GOAL'));
        assertWritable(side, person, null, reserved);
        if (!canSeeKvpContent(principal, person.kvpOfficeId)) {
          // As for activities (reference B9): during KVP the goal is written by the citizen and the KVP office only.
          throw new AppError('forbidden', 'During a KVP period only advisors at the KVP office change the goal');
        }
        const periodId = person.currentPeriodId!;
        const current = await repo.getGoalForUpdate(tx, periodId);
        const currentVersion = current?.version ?? 0;
        if (currentVersion !== input.version) {
          const goal = current ? presentGoal(side, { ...current, changedAt: current.changedAt.toISOString(), readVersion: null }) : null;
          throw new AppError('conflict', 'The goal has changed since you read it', { current: goal });
        }
        if (current && current.text === input.text) {
          throw new AppError('validation_failed', 'body.text: changes nothing', { issues: [{ field: 'body.text', message: 'changes nothing' }] });
        }
        const goal = {
          periodId,
          personId,
          text: input.text,
          version: currentVersion + 1,
          changedAt: clock.now(),
          actorRole: actorRoleOf(principal),
          actorIdent: actorIdentOf(principal),
        };
        await repo.writeGoal(tx, goal);
        await publishLive(tx, personId, { kind: 'plan.changed', actorSide: side, payload: {} }, goal.changedAt);
        return presentGoal(side, { ...goal, changedAt: goal.changedAt.toISOString(), readVersion: goal.version })!;
      });
    },

    async goalHistory(principal: Principal, personId: string, periodId: string | undefined) {
      const side = sideOf(principal);
      const person = await persons.resolve(principal, personId, auditRead('GOAL'));
      const chosen = periodId ?? person.currentPeriodId ?? (await repo.defaultPeriodId(db, personId));
      if (!chosen) {
        return [];
      }
      if (!(await repo.periodBelongsTo(db, chosen, personId))) {
        throw new AppError('not_found', 'No such follow-up period');
      }
      const versions = await repo.listGoalVersions(db, chosen);
      return versions.map((v) => ({
        version: v.version,
        text: v.text,
        changedAt: v.changedAt.toISOString(),
        changedBy: presentChangedBy({ side }, v.actorRole, v.actorIdent),
      }));
    },

    async markGoalRead(principal: Principal, personId: string, version: number): Promise<void> {
      const side = sideOf(principal);
      const person = await persons.resolve(principal, personId, auditRead('GOAL'));
      if (!person.currentPeriodId) {
        throw new AppError('conflict', 'There is no current follow-up period');
      }
      await repo.markGoalRead(db, person.currentPeriodId, side, version);
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
