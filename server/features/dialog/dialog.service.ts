import type { Tx } from '#server/db/database.ts';
import * as drafts from './draft.repository.ts';
import { createDraftService } from './draft.service.ts';
import { DRAFT_TTL_MS } from './dialog.rules.ts';
import { createEscalationService } from './escalation.service.ts';
import * as threads from './thread.repository.ts';
import { createThreadService, type DialogDeps } from './thread.service.ts';

export type { DialogDeps } from './thread.service.ts';

/** What the period feature tells the dialog when a period ends, inside its own transaction. */
export interface PeriodEnded {
  personId: string;
  periodId: string;
  at: Date;
}

/** The dialog (product.md C2): threads and messages, drafts, and the escalation warning. */
export function createDialogService(deps: DialogDeps) {
  const escalations = createEscalationService(deps);
  return {
    threads: createThreadService(deps),
    drafts: createDraftService(deps),
    escalations,

    /** Deletes drafts not changed for 24 hours; returns how many. The notification worker calls it now and then. */
    async expireDrafts(now: Date): Promise<number> {
      return drafts.removeOlderThan(deps.db, new Date(now.getTime() - DRAFT_TTL_MS));
    },

    /**
     * The period ended (called by the period service in its transaction, with the person locked):
     * the escalation warning in force is stopped by SYSTEM, the person's drafts are dropped, and
     * every thread of the period is logged as closed with it. Its threads are read-only from now
     * on because they no longer belong to the current period.
     */
    async onPeriodEnded(tx: Tx, ended: PeriodEnded): Promise<void> {
      const publish = await escalations.stopForPeriodEnd(tx, ended.personId, ended.at);
      await drafts.removeAllOfPerson(tx, ended.personId);
      await threads.logClosedWithPeriod(tx, ended.periodId, ended.at);
      await publish();
    },
  };
}

export type DialogService = ReturnType<typeof createDialogService>;
