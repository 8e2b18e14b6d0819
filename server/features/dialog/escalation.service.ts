import { AppError } from '#common/errors.ts';
import type { EscalationStartInput, EscalationStopInput, EscalationWarning } from '#common/schemas/dialog.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { Tx } from '#server/db/database.ts';
import { publishLive } from '#server/live/live.repository.ts';
import { appendEvent } from '#server/outbox/outbox.repository.ts';
import { presentWarning } from './dialog.presenter.ts';
import { lockedError, viewerOf } from './dialog.rules.ts';
import { appendMessage, authorOf, publishMessageSent, startThread, type Appended } from './dialog.write.ts';
import * as repo from './escalation.repository.ts';
import type { WarningRow } from './escalation.repository.ts';
import * as threads from './thread.repository.ts';
import { auditRead, auditWrite } from '#server/features/audit/audit.service.ts';
import { requireAdvisor } from '#server/policy/access-policy.ts';
import type { DialogDeps } from './thread.service.ts';

const NAV_VIEW = { side: 'NAV', kvpOffices: null } as const;

function requireNav(principal: Principal): string {
  return requireAdvisor(principal, 'gives and stops escalation warnings').ident;
}

/** PostgreSQL's unique violation: the partial unique index saw a second active warning first. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

function announce(tx: Tx, topic: 'escalation.started' | 'escalation.stopped', warning: WarningRow, at: Date): Promise<void> {
  return appendEvent(tx, topic, warning.id, { warningId: warning.id, threadId: warning.threadId, personId: warning.personId }, at);
}

/** Last in the transaction: publishLive holds a per-person lock until commit. */
function publishChanged(tx: Tx, warning: WarningRow, actorSide: 'NAV' | null, at: Date): Promise<void> {
  return publishLive(tx, warning.personId, { kind: 'escalation.changed', actorSide, payload: { warningId: warning.id, threadId: warning.threadId } }, at);
}

/**
 * The escalation warning (reference A8): a marked thread with one important NAV message and its
 * own notification, at most one in force per person, stopped by NAV or when the period ends.
 */
export function createEscalationService(deps: DialogDeps) {
  const { db, clock, persons } = deps;

  return {
    async start(principal: Principal, personId: string, input: EscalationStartInput): Promise<EscalationWarning> {
      const person = await persons.resolve(principal, personId, null);
      const ident = requireNav(principal);
      const contact = await persons.contactStatus(person.nationalId);
      try {
        return await db.transaction().execute(async (tx) => {
          const locked = await persons.resolveForWrite(principal, personId, tx, auditWrite('ESCALATION'));
          if (await repo.active(tx, personId)) {
            throw new AppError('conflict', 'An escalation warning is already in force for this person');
          }
          if (locked.manualFollowUp) {
            throw lockedError('MANUAL_FOLLOW_UP');
          }
          if (contact.reserved === true) {
            throw lockedError('RESERVED');
          }
          if (!locked.currentPeriodId) {
            throw lockedError('NO_CURRENT_PERIOD');
          }
          const now = clock.now();
          // No message.sent for the warning's message: the warning has its own notification (escalation.started).
          const { thread, messageId } = await startThread(
            tx,
            locked,
            authorOf(principal),
            { subject: input.subject, activityId: null, escalation: true, awaitingCitizen: true },
            { text: input.text, important: true, notify: false, live: false },
            now,
          );
          const warning = await repo.insert(tx, { personId, periodId: locked.currentPeriodId, threadId: thread.id, reason: input.reason, startedAt: now, startedByIdent: ident });
          await announce(tx, 'escalation.started', warning, now);
          await publishMessageSent(tx, thread, messageId, 'NAV', now);
          await publishChanged(tx, warning, 'NAV', now);
          return presentWarning(NAV_VIEW, warning);
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('conflict', 'An escalation warning is already in force for this person');
        }
        throw error;
      }
    },

    /** Every warning the person has had, newest first (NAV only). */
    async list(principal: Principal, personId: string): Promise<EscalationWarning[]> {
      await persons.resolve(principal, personId, auditRead('ESCALATION'));
      requireNav(principal);
      return (await repo.listForPerson(db, personId)).map((row) => presentWarning(viewerOf(principal), row));
    },

    /** NAV stops the warning, with an optional closing message in its thread (which notifies nobody). */
    async stop(principal: Principal, warningId: string, input: EscalationStopInput): Promise<EscalationWarning> {
      const seen = await repo.getById(db, warningId);
      if (!seen) {
        throw new AppError('not_found', 'No such escalation warning');
      }
      await persons.resolve(principal, seen.personId, null);
      const ident = requireNav(principal);
      return db.transaction().execute(async (tx) => {
        const person = await persons.resolveForWrite(principal, seen.personId, tx, auditWrite('ESCALATION'));
        const now = clock.now();
        const current = await repo.getByIdForUpdate(tx, warningId);
        if (!current || current.stoppedAt !== null) {
          throw new AppError('conflict', 'The escalation warning is no longer in force');
        }
        let closing: Appended | undefined;
        if (input.closingMessage) {
          const thread = await threads.getThreadForUpdate(tx, current.threadId);
          // No message.sent: the closing message notifies nobody.
          closing = await appendMessage(tx, person, thread!, authorOf(principal), { text: input.closingMessage, notify: false, live: false }, now);
        }
        const stopped = (await repo.stop(tx, warningId, { stoppedAt: now, stoppedByRole: 'ADVISOR', stoppedByIdent: ident, stopReason: input.reason }))!;
        await announce(tx, 'escalation.stopped', stopped, now);
        if (closing) {
          await publishMessageSent(tx, closing.thread, closing.messageId, 'NAV', now);
        }
        await publishChanged(tx, stopped, 'NAV', now);
        return presentWarning(NAV_VIEW, stopped);
      });
    },

    /**
     * The period ended: the warning in force, if any, is stopped by SYSTEM in the same
     * transaction. Returns what tells open pages of it, for the caller to run after its writes.
     */
    async stopForPeriodEnd(tx: Tx, personId: string, at: Date): Promise<() => Promise<void>> {
      const stopped = await repo.stopActiveOfPerson(tx, personId, { stoppedAt: at, stoppedByRole: 'SYSTEM', stoppedByIdent: null, stopReason: 'PERIOD_ENDED' });
      if (!stopped) {
        return async () => {};
      }
      await announce(tx, 'escalation.stopped', stopped, at);
      return () => publishChanged(tx, stopped, null, at);
    },
  };
}

export type EscalationService = ReturnType<typeof createEscalationService>;
