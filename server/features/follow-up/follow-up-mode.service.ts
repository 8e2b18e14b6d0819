import { AppError, validationError } from '#common/errors.ts';
import type { FollowUpMode, FollowUpModeChangeInput } from '#common/schemas/follow-up.ts';
import type { Principal } from '#server/auth/principal.ts';
import { auditRead, auditWrite } from '#server/features/audit/audit.service.ts';
import type { PersonState } from '#server/features/person/person.service.ts';
import { publishLive } from '#server/live/live.repository.ts';
import { requireAdvisor } from '#server/policy/access-policy.ts';
import { presentMode } from './follow-up.presenter.ts';
import * as repo from './follow-up.repository.ts';
import type { FollowUpDeps } from './follow-up.deps.ts';

/**
 * Digital ⇄ manual follow-up (product.md C3): an advisor switches either way and says why; the
 * citizen may only switch themself back to digital, and not while reserved against digital contact
 * (nor when the contact register cannot tell). Every switch is a row of the append-only log; the
 * latest row is the current mode. A manual citizen reads the plan only and the dialog is closed to
 * both sides (activity.context.ts readOnlyReason, dialog.rules.ts sendBlockedReason).
 */
export function createFollowUpModeService(deps: FollowUpDeps) {
  const { db, clock, persons } = deps;

  /** Whether the citizen may switch themself to digital now: manual, and the register says not reserved. */
  async function citizenMaySwitch(person: Pick<PersonState, 'manualFollowUp' | 'nationalId'>): Promise<boolean> {
    if (!person.manualFollowUp) {
      return false;
    }
    const contact = await persons.contactStatus(person.nationalId);
    return contact.available && contact.reserved === false;
  }

  /** The citizen's own switch to digital: refused while reserved, or when the register cannot say (asked before any row is locked). */
  async function assertCitizenMaySwitch(person: PersonState, input: FollowUpModeChangeInput): Promise<void> {
    if (input.manual) {
      throw new AppError('forbidden', 'Only NAV switches a person to manual follow-up');
    }
    if (!person.manualFollowUp) {
      throw new AppError('conflict', 'You are already followed up digitally', { reason: 'UNCHANGED' });
    }
    const contact = await persons.contactStatus(person.nationalId);
    if (!contact.available) {
      throw new AppError('service_unavailable', 'The contact register could not be asked whether you are reserved against digital contact; try again shortly');
    }
    if (contact.reserved) {
      throw new AppError('conflict', 'You are reserved against digital contact in the contact register; lift the reservation there first', { reason: 'RESERVED' });
    }
  }

  return {
    async get(principal: Principal, personId: string): Promise<FollowUpMode> {
      const person = await persons.resolve(principal, personId, auditRead('FOLLOW_UP'));
      const [rows, maySwitch] = await Promise.all([repo.listModes(db, personId), citizenMaySwitch(person)]);
      return presentMode(principal, rows, maySwitch);
    },

    async change(principal: Principal, personId: string, input: FollowUpModeChangeInput): Promise<FollowUpMode> {
      const before = await persons.resolve(principal, personId, null);
      if (principal.kind === 'citizen') {
        await assertCitizenMaySwitch(before, input);
      } else {
        requireAdvisor(principal, 'switches between digital and manual follow-up');
        if (input.reason === null) {
          throw validationError('body.reason', 'is required when NAV switches between digital and manual follow-up');
        }
      }
      const rows = await db.transaction().execute(async (tx) => {
        const person = await persons.resolveForWrite(principal, personId, tx, auditWrite('FOLLOW_UP'));
        if (person.manualFollowUp === input.manual) {
          throw new AppError('conflict', input.manual ? 'The person is already followed up manually' : 'The person is already followed up digitally', { reason: 'UNCHANGED' });
        }
        const now = clock.now();
        await repo.appendMode(tx, {
          personId,
          manual: input.manual,
          reason: input.reason,
          actorRole: principal.kind === 'citizen' ? 'CITIZEN' : 'ADVISOR',
          actorIdent: principal.kind === 'advisor' ? principal.ident : null,
          createdAt: now,
        });
        const history = await repo.listModes(tx, personId);
        // The plan's writability and the dialog's changed for the citizen: both sides' open pages read again.
        await publishLive(tx, personId, { kind: 'plan.changed', actorSide: principal.kind === 'citizen' ? 'CITIZEN' : 'NAV', payload: {} }, now);
        return history;
      });
      return presentMode(principal, rows, await citizenMaySwitch({ manualFollowUp: input.manual, nationalId: before.nationalId }));
    },
  };
}

export type FollowUpModeService = ReturnType<typeof createFollowUpModeService>;
