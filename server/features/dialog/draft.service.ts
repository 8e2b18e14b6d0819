import type { z } from 'zod';
import { AppError } from '#common/errors.ts';
import type { Draft, DraftInputSchema } from '#common/schemas/dialog.ts';
import type { Principal } from '#server/auth/principal.ts';
import { activityForDialog } from '#server/features/activity/activity.service.ts';
import { presentDraft } from './dialog.presenter.ts';
import { DRAFT_TTL_MS, draftAuthor, draftKey, lockedError, seesKvp, viewerOf } from './dialog.rules.ts';
import * as repo from './draft.repository.ts';
import * as threads from './thread.repository.ts';
import { auditRead, auditWrite } from '#server/features/audit/audit.service.ts';
import type { DialogDeps } from './thread.service.ts';

export type DraftInput = z.output<typeof DraftInputSchema>;

/**
 * Unsent text kept on the server while typing: one per person, author and thread, private to its
 * author, kept with the current period and for 24 hours after its last change.
 */
export function createDraftService(deps: DialogDeps) {
  const { db, clock, persons } = deps;

  return {
    /** The caller's own drafts for the person, of the current period, changed within 24 hours. */
    async list(principal: Principal, personId: string): Promise<Draft[]> {
      const person = await persons.resolve(principal, personId, auditRead('DRAFT'));
      if (!person.currentPeriodId) {
        return [];
      }
      const since = new Date(clock.now().getTime() - DRAFT_TTL_MS);
      return (await repo.listOwn(db, personId, draftAuthor(principal), person.currentPeriodId, since)).map(presentDraft);
    },

    /** Saves the caller's draft for a thread, a first message about an activity, or a new thread; blank text removes it. */
    async save(principal: Principal, personId: string, input: DraftInput): Promise<void> {
      const person = await persons.resolve(principal, personId, auditWrite('DRAFT'));
      const viewer = viewerOf(principal);
      if (input.threadId) {
        const thread = await threads.getThread(db, input.threadId);
        if (!thread || thread.personId !== personId || !seesKvp(viewer, thread.kvpOfficeId)) {
          throw new AppError('not_found', 'No such thread');
        }
        if (thread.periodId !== person.currentPeriodId) {
          throw lockedError('PERIOD_ENDED');
        }
      }
      if (input.activityId) {
        const activity = await activityForDialog(db, input.activityId, viewer);
        if (!activity || activity.personId !== personId || !activity.visible) {
          throw new AppError('not_found', 'No such activity');
        }
        if (activity.periodId !== person.currentPeriodId) {
          throw lockedError(person.currentPeriodId ? 'PERIOD_ENDED' : 'NO_CURRENT_PERIOD');
        }
      }
      if (!person.currentPeriodId) {
        throw lockedError('NO_CURRENT_PERIOD');
      }
      const author = draftAuthor(principal);
      const threadKey = draftKey(input.threadId, input.activityId);
      if (input.text.trim() === '') {
        await repo.remove(db, personId, author, [threadKey]);
        return;
      }
      await repo.upsert(db, {
        personId,
        periodId: person.currentPeriodId,
        author,
        threadKey,
        threadId: input.threadId,
        activityId: input.activityId,
        subject: input.subject,
        text: input.text,
        updatedAt: clock.now(),
      });
    },
  };
}

export type DraftService = ReturnType<typeof createDraftService>;
