import { AppError, validationError } from '#common/errors.ts';
import type { Language } from '#common/i18n/catalogue.ts';
import type {
  Activity,
  ActivityCreateInput,
  ActivityDetail,
  ActivityEditInput,
  ApplicationStatusChangeInput,
  EndDateChangeInput,
  StatusChangeInput,
} from '#common/schemas/activity.ts';
import { osloDate } from '#common/time.ts';
import { actorIdentOf, actorRoleOf, type Principal } from '#server/auth/principal.ts';
import type { DbOrTx } from '#server/db/database.ts';
import { appendEvent } from '#server/outbox/outbox.repository.ts';
import { canSeeKvpContent } from '#server/policy/access-policy.ts';
import { assertWritable, citizenReserved, liveAudience, presentFor, readOnlyReason, seesActivity, writeActivity, type ActivityDeps } from './activity.context.ts';
import { contentChanged, contentColumns } from './activity.fields.ts';
import { buildHistory } from './activity.history.ts';
import { visibleTo } from './activity.presenter.ts';
import * as repo from './activity.repository.ts';
import { auditRead, auditWrite } from '#server/features/audit/audit.service.ts';
import {
  assertMayChangeApplicationStatus,
  assertMayChangeEndDate,
  assertMayCreate,
  assertMayEdit,
  assertMayMove,
  sideOf,
} from './activity.rules.ts';

/** What the plan feature (the board read) shares with activities; other features import only this file. */
export { assertWritable, citizenReserved, isEditable, readOnlyReason, seesActivity } from './activity.context.ts';
export { presentActivity, presentChangedBy, sideOfRole, visibleTo, type ActivityRecord } from './activity.presenter.ts';
export { sideOf } from './activity.rules.ts';

/** What the dialog needs of the activity a thread is about; `visible` says whether the caller's side may know of it. */
export interface ActivityForDialog {
  id: string;
  personId: string;
  periodId: string;
  type: string;
  title: string | null;
  visible: boolean;
}

/** The activity a thread is about, or undefined when there is none (the dialog checks the person itself). */
export async function activityForDialog(
  db: DbOrTx,
  activityId: string,
  viewer: { side: 'CITIZEN' | 'NAV'; kvpOffices: readonly string[] | null },
): Promise<ActivityForDialog | undefined> {
  const row = await repo.getById(db, activityId);
  // Seen by the caller: not an unshared summary for the citizen, and KVP content only at its office.
  const kvpSeen = viewer.kvpOffices === null || !row || row.kvpOfficeId === null || viewer.kvpOffices.includes(row.kvpOfficeId);
  return row && { id: row.id, personId: row.personId, periodId: row.periodId, type: row.type, title: row.title, visible: visibleTo({ side: viewer.side }, row) && kvpSeen };
}

export function createActivityService(deps: ActivityDeps) {
  const { db, clock, persons } = deps;

  return {
    async create(principal: Principal, personId: string, input: ActivityCreateInput): Promise<Activity> {
      const side = sideOf(principal);
      assertMayCreate(side, input.type);
      const now = clock.now();
      const content = contentColumns(input);
      if (input.type === 'MEETING' && new Date(input.startsAt) < now) {
        throw validationError('body.startsAt', 'cannot be in the past');
      }
      if (input.type === 'CONVERSATION_SUMMARY') {
        if (input.fromDate > osloDate(now)) {
          throw validationError('body.fromDate', 'cannot be after today');
        }
        content.details.summary = input.summary;
        content.details.summaryShared = input.share;
      }
      const status = input.type === 'CONVERSATION_SUMMARY' ? 'IN_PROGRESS' : input.type === 'MEETING' ? 'PLANNED' : input.status;
      const reserved = await citizenReserved(persons, principal);
      return db.transaction().execute(async (tx) => {
        const person = await persons.resolveForWrite(principal, personId, tx, auditWrite('ACTIVITY'));
        assertWritable(side, person, null, reserved);
        if (!canSeeKvpContent(principal, person.kvpOfficeId)) {
          // What they added would be hidden from them at once (reference B9: writing needs the KVP office).
          throw new AppError('forbidden', 'During a KVP period only advisors at the KVP office add to the plan');
        }
        const row = await repo.insert(tx, {
          ...content,
          personId,
          periodId: person.currentPeriodId!,
          type: input.type,
          status,
          applicationStatus: null,
          agreedWithNav: false,
          proposedBy: status === 'SUGGESTED' ? actorRoleOf(principal) : null,
          closingReason: null,
          kvpOfficeId: person.kvpOfficeId,
          changeKind: 'CREATED',
          createdAt: now,
          createdByRole: actorRoleOf(principal),
          changedAt: now,
          changedByRole: actorRoleOf(principal),
          changedByIdent: actorIdentOf(principal),
        }, { kind: 'plan.changed', audience: liveAudience({ type: input.type, details: content.details }, 'CREATED'), actorSide: side, at: now });
        if (input.type === 'MEETING') {
          await appendEvent(tx, 'meeting.created', row.id, { activityId: row.id, personId }, now);
        }
        if (input.type === 'CONVERSATION_SUMMARY' && input.share) {
          await appendEvent(tx, 'summary.shared', row.id, { activityId: row.id, personId }, now);
        }
        return presentFor(principal, row, row.version, true);
      });
    },

    /** One activity with its history, worded for the caller's side and language. */
    async get(principal: Principal, activityId: string, language: Language): Promise<ActivityDetail> {
      const side = sideOf(principal);
      const row = await repo.getById(db, activityId);
      if (!row) {
        throw new AppError('not_found', 'No such activity');
      }
      const person = await persons.resolve(principal, row.personId, auditRead('ACTIVITY'));
      if (!seesActivity(principal, row)) {
        throw new AppError('not_found', 'No such activity');
      }
      const versions = await repo.listVersions(db, activityId);
      const readVersion = row[repo.readColumn(side)];
      const writable = readOnlyReason(side, person, row.periodId) === null;
      return { activity: presentFor(principal, row, readVersion, writable), history: buildHistory({ side }, language, versions) };
    },

    async edit(principal: Principal, activityId: string, input: ActivityEditInput): Promise<Activity> {
      return writeActivity(deps, principal, activityId, input.version, (current, _person, side) => {
        if (current.type !== input.type) {
          throw validationError('body.type', `must be ${current.type}, the type of this activity`);
        }
        assertMayEdit(side, current);
        const after = contentColumns(input, current.details);
        const details = current.details as Record<string, unknown>;
        if (input.type === 'MEETING' && after.details.startsAt !== details.startsAt && new Date(input.startsAt) < clock.now()) {
          throw validationError('body.startsAt', 'cannot be moved into the past');
        }
        if (!contentChanged(current, after)) {
          throw validationError('body', 'changes nothing');
        }
        return {
          change: after,
          changeKind: 'DETAILS_CHANGED',
          after:
            input.type === 'MEETING'
              ? (tx, updated) => appendEvent(tx, 'meeting.changed', updated.id, { activityId: updated.id, personId: updated.personId }, clock.now())
              : undefined,
        };
      });
    },

    async changeEndDate(principal: Principal, activityId: string, input: EndDateChangeInput): Promise<Activity> {
      return writeActivity(deps, principal, activityId, input.version, (current, _person, side) => {
        assertMayChangeEndDate(side, current);
        if (current.fromDate && input.toDate < current.fromDate) {
          throw validationError('body.toDate', 'cannot be before the start date');
        }
        if (input.toDate === current.toDate) {
          throw validationError('body.toDate', 'is the end date the activity already has');
        }
        return { change: { toDate: input.toDate }, changeKind: 'END_DATE_CHANGED' };
      });
    },

    async changeStatus(principal: Principal, activityId: string, input: StatusChangeInput): Promise<Activity> {
      return writeActivity(deps, principal, activityId, input.version, (current, _person, side) => {
        assertMayMove(side, current, input.status, input.closingReason);
        return { change: { status: input.status, closingReason: input.closingReason }, changeKind: 'STATUS_CHANGED' };
      });
    },

    /** The job application's status may change until the period ends, even once the activity is finished. */
    async changeApplicationStatus(principal: Principal, activityId: string, input: ApplicationStatusChangeInput): Promise<Activity> {
      return writeActivity(deps, principal, activityId, input.version, (current) => {
        assertMayChangeApplicationStatus(current);
        if (input.applicationStatus === current.applicationStatus) {
          throw validationError('body.applicationStatus', 'is the status the application already has');
        }
        return { change: { applicationStatus: input.applicationStatus }, changeKind: 'APPLICATION_STATUS_CHANGED' };
      });
    },

    /** Records that the caller's side has seen the activity up to a version (clears its unread marker). */
    async markRead(principal: Principal, activityId: string, version: number): Promise<void> {
      const side = sideOf(principal);
      const row = await repo.getById(db, activityId);
      if (!row) {
        throw new AppError('not_found', 'No such activity');
      }
      await persons.resolve(principal, row.personId, auditRead('ACTIVITY'));
      if (!seesActivity(principal, row)) {
        throw new AppError('not_found', 'No such activity');
      }
      if (version > row.version) {
        throw validationError('body.version', 'is newer than the activity');
      }
      await repo.markRead(db, activityId, side, version);
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
