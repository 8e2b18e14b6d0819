import { AppError, validationError } from '#common/errors.ts';
import type { Assignment, AssignmentInput, OfficeAdvisors } from '#common/schemas/follow-up.ts';
import type { Principal } from '#server/auth/principal.ts';
import { auditRead, auditWrite } from '#server/features/audit/audit.service.ts';
import { publishLive } from '#server/live/live.repository.ts';
import { requireAdvisor } from '#server/policy/access-policy.ts';
import { presentAssignment } from './follow-up.presenter.ts';
import * as repo from './follow-up.repository.ts';
import type { FollowUpDeps } from './follow-up.deps.ts';

/**
 * Who follows a person up (product.md C3): an advisor in reach assigns an advisor at the person's
 * office (themself or another the app has seen there). The assignee reaches the person from any
 * office (access-policy.ts) and has them as "new" until they first open them. Citizens never see
 * which advisor: these routes are NAV's only.
 */
export function createAssignmentService(deps: FollowUpDeps) {
  const { db, clock, persons } = deps;

  return {
    async get(principal: Principal, personId: string): Promise<Assignment> {
      await persons.resolve(principal, personId, auditRead('ASSIGNMENT'));
      requireAdvisor(principal, 'sees who follows a person up');
      return presentAssignment(await repo.getAssignment(db, personId));
    },

    async assign(principal: Principal, personId: string, input: AssignmentInput): Promise<Assignment> {
      await persons.resolve(principal, personId, null);
      const advisor = requireAdvisor(principal, 'assigns advisors');
      return db.transaction().execute(async (tx) => {
        const person = await persons.resolveForWrite(principal, personId, tx, auditWrite('ASSIGNMENT'));
        const assignee = await repo.advisorAtOffice(tx, input.advisorIdent, person.officeId);
        if (!assignee) {
          throw validationError('body.advisorIdent', "must be an advisor at the person's office");
        }
        if (person.assignedAdvisorIdent === assignee.ident) {
          throw new AppError('conflict', 'The person is already assigned to this advisor');
        }
        const now = clock.now();
        await repo.assign(tx, personId, assignee.ident, advisor.ident, now);
        await publishLive(tx, personId, { kind: 'plan.changed', audience: 'NAV', actorSide: 'NAV', payload: {} }, now);
        return presentAssignment({ advisorIdent: assignee.ident, advisorName: assignee.name, assignedAt: now });
      });
    },

    /** The advisors the app has seen at an office, for choosing an assignee; only for advisors at that office. */
    async officeAdvisors(principal: Principal, officeId: string): Promise<OfficeAdvisors> {
      const advisor = requireAdvisor(principal, 'lists advisors');
      if (!advisor.offices.includes(officeId)) {
        throw new AppError('forbidden', 'Only advisors at this office see its advisors');
      }
      return { advisors: await repo.advisorsAtOffice(db, officeId) };
    },
  };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
