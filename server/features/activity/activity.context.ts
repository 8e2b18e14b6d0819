import { AppError } from '#common/errors.ts';
import type { Language } from '#common/i18n/catalogue.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { actorIdentOf, actorRoleOf, type Principal } from '#server/auth/principal.ts';
import type { Clock } from '#server/clock.ts';
import type { Db, Tx } from '#server/db/database.ts';
import type { PersonService, PersonState } from '#server/features/person/person.service.ts';
import { presentActivity, visibleTo } from './activity.presenter.ts';
import * as repo from './activity.repository.ts';
import type { ActivityChange, ActivityRow } from './activity.repository.ts';
import { auditWrite } from '#server/features/audit/audit.service.ts';
import { canSeeKvpContent, requireAdvisor, requireCitizen } from '#server/policy/access-policy.ts';
import { isFinal, sideOf, type Side } from './activity.rules.ts';

export interface ActivityDeps {
  db: Db;
  clock: Clock;
  persons: PersonService;
}

export type ReadOnlyReason = 'NO_CURRENT_PERIOD' | 'PERIOD_ENDED' | 'MANUAL_FOLLOW_UP' | 'RESERVED';

/** Why the caller cannot write to the plan of this period now, or null when they can. */
export function readOnlyReason(side: Side, person: PersonState, periodId: string | null, reserved = false): ReadOnlyReason | null {
  if (!person.currentPeriodId) {
    return 'NO_CURRENT_PERIOD';
  }
  if (periodId !== null && periodId !== person.currentPeriodId) {
    return 'PERIOD_ENDED';
  }
  if (side === 'CITIZEN' && person.manualFollowUp) {
    return 'MANUAL_FOLLOW_UP';
  }
  if (side === 'CITIZEN' && reserved) {
    return 'RESERVED';
  }
  return null;
}

export function assertWritable(side: Side, person: PersonState, periodId: string | null, reserved: boolean): void {
  const reason = readOnlyReason(side, person, periodId, reserved);
  if (reason) {
    const messages: Record<ReadOnlyReason, string> = {
      NO_CURRENT_PERIOD: 'There is no current follow-up period; the plan cannot be changed',
      PERIOD_ENDED: 'The follow-up period has ended; its plan can be read but not changed',
      MANUAL_FOLLOW_UP: 'You are followed up manually; NAV keeps your plan and gives it to you on paper',
      RESERVED: 'You are reserved against digital contact; NAV keeps your plan and gives it to you on paper',
    };
    throw new AppError('locked', messages[reason], { reason });
  }
}

/**
 * Whether the caller may know of this activity at all: a conversation summary stays from the
 * citizen until shared, and content made during a KVP period from advisors at other offices. An
 * activity the caller may not know of is answered as one that does not exist.
 */
export function seesActivity(principal: Principal, row: Pick<ActivityRow, 'type' | 'details' | 'kvpOfficeId'>): boolean {
  return visibleTo({ side: sideOf(principal) }, row) && canSeeKvpContent(principal, row.kvpOfficeId);
}

/** Whether this side may change this activity at all now (used for the `editable` flag). */
export function isEditable(side: Side, activity: Pick<ActivityRow, 'type' | 'status'>, planWritable: boolean): boolean {
  if (!planWritable || activity.type === 'EXTERNAL' || isFinal(activity.status)) {
    return false;
  }
  return side === 'NAV' || (activity.type !== 'MEETING' && activity.type !== 'CONVERSATION_SUMMARY');
}

export function presentFor(principal: Principal, row: ActivityRow, readVersion: number, planWritable: boolean): Activity {
  const side = sideOf(principal);
  return presentActivity({ side }, row, readVersion, isEditable(side, row, planWritable));
}

/** A citizen reserved in the contact register reads the plan only; a register that is down keeps it usable. */
export async function citizenReserved(persons: PersonService, principal: Principal): Promise<boolean> {
  if (principal.kind !== 'citizen') {
    return false;
  }
  const contact = await persons.contactStatus(principal.nationalId);
  return contact.reserved === true;
}

/** Who hears of a change live: only NAV while the citizen cannot see it (an unshared conversation or summary). */
export function liveAudience(row: Pick<ActivityRow, 'type' | 'details'>, changeKind: string): 'ALL' | 'NAV' {
  return visibleTo({ side: 'CITIZEN' }, row) && changeKind !== 'SUMMARY_SAVED' ? 'ALL' : 'NAV';
}

export interface WriteResult {
  change: ActivityChange;
  changeKind: string;
  after?: (tx: Tx, updated: ActivityRow, person: PersonState) => Promise<void>;
}

/**
 * The one path for changing an existing activity: lock it and its person and read the person's
 * state (one statement), check access and writability, check the version the caller read (409
 * with the current state when stale), apply the rule-checked change as a new version with its live
 * event (one statement), and let the caller add outbox events in the same transaction.
 */
export async function writeActivity(
  deps: ActivityDeps,
  principal: Principal,
  activityId: string,
  expectedVersion: number,
  decide: (current: ActivityRow, person: PersonState, side: Side) => WriteResult | Promise<WriteResult>,
  /** When only one side may do this: asked once the activity is known to be in reach (else a 404 would turn 403). */
  only?: { side: Side; what: string },
): Promise<Activity> {
  const side = sideOf(principal);
  const reserved = await citizenReserved(deps.persons, principal);
  return deps.db.transaction().execute(async (tx) => {
    const locked = await repo.getWithStateForUpdate(tx, activityId);
    if (!locked) {
      throw new AppError('not_found', 'No such activity');
    }
    const current = locked.activity;
    // No state: the statement waited behind a change of it; read it again, now holding the lock.
    const person = locked.state
      ? await deps.persons.admit(principal, locked.state, auditWrite('ACTIVITY'), tx)
      : await deps.persons.resolve(principal, current.personId, auditWrite('ACTIVITY'), tx);
    if (!seesActivity(principal, current)) {
      throw new AppError('not_found', 'No such activity');
    }
    if (only?.side === 'NAV') {
      requireAdvisor(principal, only.what);
    } else if (only?.side === 'CITIZEN') {
      requireCitizen(principal, only.what);
    }
    assertWritable(side, person, current.periodId, reserved);
    if (current.version !== expectedVersion) {
      throw new AppError('conflict', 'The activity has changed since you read it', {
        current: presentFor(principal, current, 0, true),
      });
    }
    const result = await decide(current, person, side);
    const now = deps.clock.now();
    const changed = { type: current.type, details: result.change.details ?? current.details };
    const meta = { changeKind: result.changeKind, changedAt: now, changedByRole: actorRoleOf(principal), changedByIdent: actorIdentOf(principal) };
    const live = { kind: 'plan.changed' as const, audience: liveAudience(changed, result.changeKind), actorSide: side, at: now };
    const updated = await repo.update(tx, current, expectedVersion, result.change, meta, live);
    if (!updated) {
      throw new AppError('conflict', 'The activity has changed since you read it');
    }
    await result.after?.(tx, updated, person);
    return presentFor(principal, updated, updated.version, true);
  });
}

export type { Language };
