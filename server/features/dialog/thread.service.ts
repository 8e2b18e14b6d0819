import { AppError } from '#common/errors.ts';
import type { z } from 'zod';
import type { NewMessageInput, NewThreadSchema, Sent, Thread, ThreadList, ThreadStatusInput } from '#common/schemas/dialog.ts';
import type { ContactStatus } from '#common/schemas/person.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { Clock } from '#server/clock.ts';
import type { Db, DbOrTx, Tx } from '#server/db/database.ts';
import { activityForDialog } from '#server/features/activity/activity.service.ts';
import type { PersonService, PersonState } from '#server/features/person/person.service.ts';
import { publishLive } from '#server/live/live.repository.ts';
import { latestForSubject } from '#server/notifications/notification.repository.ts';
import { appendEvent } from '#server/outbox/outbox.repository.ts';
import { presentNotification, presentSummary, presentThread, presentWarning } from './dialog.presenter.ts';
import {
  assertMaySend,
  draftAuthor,
  draftKey,
  lockedError,
  notificationHoldOf,
  seesKvp,
  sendBlockedReason,
  statusTransition,
  viewerOf,
  type Viewer,
} from './dialog.rules.ts';
import { appendMessage, authorOf, startThread, type Appended } from './dialog.write.ts';
import * as warnings from './escalation.repository.ts';
import * as repo from './thread.repository.ts';
import { auditRead, auditWrite, type AuditUse } from '#server/features/audit/audit.service.ts';
import type { ThreadRow } from './thread.repository.ts';

export interface DialogDeps {
  db: Db;
  clock: Clock;
  persons: PersonService;
}

export type NewThread = z.output<typeof NewThreadSchema>;

const notFound = () => new AppError('not_found', 'No such thread');

function contactOf(contact: ContactStatus, viewer: Viewer) {
  return { reserved: contact.reserved === true, hold: viewer.side === 'NAV' ? notificationHoldOf(contact) : null };
}

/** Threads and messages: the list, one thread, sending, reading and NAV's status flags. */
export function createThreadService(deps: DialogDeps) {
  const { db, clock, persons } = deps;

  /** The thread with access checked: out of reach (person, KVP office) answers as missing. */
  async function reach(principal: Principal, threadId: string, use: AuditUse | null) {
    const thread = await repo.getThread(db, threadId);
    if (!thread) {
      throw notFound();
    }
    const person = await persons.resolve(principal, thread.personId, use);
    const viewer = viewerOf(principal);
    if (!seesKvp(viewer, thread.kvpOfficeId)) {
      throw notFound();
    }
    return { thread, person, viewer };
  }

  /** Locks the person, then the thread (the lock order of every dialog write). */
  async function lock(tx: Tx, principal: Principal, seen: ThreadRow, viewer: Viewer) {
    const person = await persons.resolveForWrite(principal, seen.personId, tx, auditWrite('DIALOG'));
    const thread = await repo.getThreadForUpdate(tx, seen.id);
    if (!thread || !seesKvp(viewer, thread.kvpOfficeId)) {
      throw notFound();
    }
    return { person, thread };
  }

  /** Whether the escalation warning in force belongs to this thread. */
  async function escalationActive(q: DbOrTx, thread: ThreadRow): Promise<boolean> {
    return thread.escalation && (await warnings.active(q, thread.personId))?.threadId === thread.id;
  }

  /** One thread as the caller sees it: its messages, and for NAV the notification state. */
  async function view(q: DbOrTx, viewer: Viewer, thread: ThreadRow, person: PersonState): Promise<Thread> {
    const [messages, notification, active] = await Promise.all([
      repo.listMessages(q, thread.id, viewer.kvpOffices),
      viewer.side === 'NAV' ? latestForSubject(q, thread.id, ['NAV_MESSAGE', 'ESCALATION_WARNING']) : undefined,
      escalationActive(q, thread),
    ]);
    return presentThread(viewer, thread, messages, {
      writable: thread.periodId === person.currentPeriodId,
      escalationActive: active,
      notification: presentNotification(notification),
    });
  }

  /** The contact register's word before the transaction (cached); a register that is down blocks nothing. */
  async function contactFor(person: PersonState, viewer: Viewer) {
    return contactOf(await persons.contactStatus(person.nationalId), viewer);
  }

  async function sent(viewer: Viewer, appended: Appended, person: PersonState, hold: Sent['notificationHold']): Promise<Sent> {
    return { thread: await view(db, viewer, appended.thread, person), messageId: String(appended.messageId), notificationHold: hold };
  }

  return {
    async list(principal: Principal, personId: string, periodId: string | undefined): Promise<ThreadList> {
      const person = await persons.resolve(principal, personId, auditRead('DIALOG'));
      const viewer = viewerOf(principal);
      const chosen = periodId ?? person.currentPeriodId ?? (await repo.latestPeriodId(db, personId));
      if (periodId && periodId !== person.currentPeriodId && !(await repo.periodBelongsTo(db, periodId, personId))) {
        throw new AppError('not_found', 'No such follow-up period');
      }
      const [contact, rows, active, currentUnread] = await Promise.all([
        contactFor(person, viewer),
        chosen ? repo.listThreads(db, personId, chosen, viewer.kvpOffices) : [],
        warnings.active(db, personId),
        // The header badge counts the current period's threads; asked here only for another period.
        person.currentPeriodId && chosen !== person.currentPeriodId
          ? repo.countUnreadThreads(db, personId, person.currentPeriodId, viewer.side, viewer.kvpOffices)
          : undefined,
      ]);
      const reason = sendBlockedReason(person, periodId ?? null, contact.reserved);
      const threads = rows.map((row) =>
        presentSummary(viewer, row, { preview: row.preview, senderRole: row.lastSenderRole }, {
          writable: row.periodId === person.currentPeriodId,
          escalationActive: active?.threadId === row.id,
        }),
      );
      return {
        personId,
        periodId: chosen,
        threads,
        unreadThreads: currentUnread ?? (chosen && chosen === person.currentPeriodId ? threads.filter((t) => t.unreadCount > 0).length : 0),
        canSend: reason === null,
        sendBlockedReason: reason,
        notificationHold: contact.hold,
        escalation: active ? presentWarning(viewer, active) : null,
      };
    },

    /** The header badge: threads of the current period with something the caller's side has not read. */
    async unreadThreads(principal: Principal, personId: string): Promise<{ unreadThreads: number }> {
      const person = await persons.resolve(principal, personId, auditRead('DIALOG'));
      const viewer = viewerOf(principal);
      if (!person.currentPeriodId) {
        return { unreadThreads: 0 };
      }
      return { unreadThreads: await repo.countUnreadThreads(db, personId, person.currentPeriodId, viewer.side, viewer.kvpOffices) };
    },

    async get(principal: Principal, threadId: string): Promise<Thread> {
      const { thread, person, viewer } = await reach(principal, threadId, auditRead('DIALOG'));
      return view(db, viewer, thread, person);
    },

    /** A new thread with its first message; about an activity that has a thread already, the message is added to it. */
    async create(principal: Principal, personId: string, body: NewThread): Promise<Sent> {
      const viewer = viewerOf(principal);
      const person = await persons.resolve(principal, personId, null);
      if (viewer.side === 'CITIZEN' && body.awaitingCitizen === true) {
        throw new AppError('forbidden', 'body.awaitingCitizen: only NAV asks the citizen to answer');
      }
      let subject = body.subject;
      if (body.activityId) {
        const activity = await activityForDialog(db, body.activityId, viewer);
        if (!activity || activity.personId !== personId || !activity.visible) {
          throw new AppError('not_found', 'No such activity');
        }
        if (activity.periodId !== person.currentPeriodId) {
          throw lockedError(person.currentPeriodId ? 'PERIOD_ENDED' : 'NO_CURRENT_PERIOD');
        }
        subject = (activity.title ?? activity.type).slice(0, 100);
      } else if (!subject) {
        throw new AppError('validation_failed', 'body.subject: is required for a conversation not about an activity', {
          issues: [{ field: 'body.subject', message: 'is required for a conversation not about an activity' }],
        });
      }
      const contact = await contactFor(person, viewer);
      const author = authorOf(principal);
      const result = await db.transaction().execute(async (tx) => {
        const locked = await persons.resolveForWrite(principal, personId, tx, auditWrite('DIALOG'));
        assertMaySend(locked, null, contact.reserved);
        const now = clock.now();
        if (body.activityId) {
          const existing = await repo.getThreadOfActivityForUpdate(tx, body.activityId);
          if (existing) {
            if (!seesKvp(viewer, existing.kvpOfficeId)) {
              throw new AppError('not_found', 'No such activity');
            }
            const ownDrafts = { author: draftAuthor(principal), threadKeys: [existing.id, draftKey(null, body.activityId)] };
            return { appended: await appendMessage(tx, locked, existing, author, { text: body.text, notify: true, drafts: ownDrafts }, now), locked };
          }
        }
        // The draft of a new thread (or of a first message about the activity) goes with it.
        const ownDrafts = { author: draftAuthor(principal), threadKeys: [draftKey(null, body.activityId)] };
        const appended = await startThread(
          tx,
          locked,
          author,
          { subject: subject!, activityId: body.activityId, awaitingCitizen: body.awaitingCitizen === true },
          { text: body.text, notify: true, drafts: ownDrafts },
          now,
        );
        return { appended, locked };
      });
      return sent(viewer, result.appended, result.locked, contact.hold);
    },

    async send(principal: Principal, threadId: string, input: NewMessageInput): Promise<Sent> {
      // A citizen's own contact-register answer does not depend on the thread: ask it meanwhile.
      // (An advisor's is asked only once the person is known to be in reach.)
      const own = principal.kind === 'citizen' ? persons.contactStatus(principal.nationalId) : null;
      own?.catch(() => undefined);
      const reached = await reach(principal, threadId, null);
      const { viewer } = reached;
      const contact = own ? contactOf(await own, viewer) : await contactFor(reached.person, viewer);
      const author = authorOf(principal);
      const result = await db.transaction().execute(async (tx) => {
        const { person, thread } = await lock(tx, principal, reached.thread, viewer);
        assertMaySend(person, thread.periodId, contact.reserved);
        // The author's draft for this thread goes (and one for a first message about its activity).
        const ownDrafts = { author: draftAuthor(principal), threadKeys: [thread.id, ...(thread.activityId ? [draftKey(null, thread.activityId)] : [])] };
        return { appended: await appendMessage(tx, person, thread, author, { text: input.text, notify: true, drafts: ownDrafts }, clock.now()), person };
      });
      return sent(viewer, result.appended, result.person, contact.hold);
    },

    /** Marks the thread read for the caller's side; allowed on read-only threads. */
    async markRead(principal: Principal, threadId: string): Promise<void> {
      const { thread, viewer } = await reach(principal, threadId, auditRead('DIALOG'));
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const updated = await repo.markRead(tx, thread.id, viewer.side, now);
        if (!updated) {
          return; // nothing was unread: nothing to tell anyone
        }
        const author = authorOf(principal);
        await repo.appendStatusLog(tx, thread, [viewer.side === 'CITIZEN' ? 'READ_BY_CITIZEN' : 'READ_BY_NAV'], author, now);
        await appendEvent(tx, 'thread.read', thread.id, { threadId: thread.id, personId: thread.personId, side: viewer.side }, now);
        // NAV reading is NAV's business (the read receipt is shown to NAV only); the citizen reading is news to NAV.
        await publishLive(tx, thread.personId, { kind: 'thread.read', audience: viewer.side === 'NAV' ? 'NAV' : 'ALL', actorSide: viewer.side, payload: { threadId: thread.id, side: viewer.side } }, now);
      });
    },

    /** NAV sets or clears "awaiting NAV" (clearing it = handled) and "awaiting the citizen", naming the version read. */
    async setStatus(principal: Principal, threadId: string, input: ThreadStatusInput): Promise<Thread> {
      const { thread: seen, viewer } = await reach(principal, threadId, null);
      if (viewer.side !== 'NAV') {
        throw new AppError('forbidden', 'Only NAV changes the status of a conversation');
      }
      return db.transaction().execute(async (tx) => {
        const { person, thread } = await lock(tx, principal, seen, viewer);
        // Manual and reserved persons: NAV may still tidy up the flags; an ended period's thread is closed.
        if (thread.periodId !== person.currentPeriodId) {
          throw lockedError('PERIOD_ENDED');
        }
        if (thread.version !== input.version) {
          throw new AppError('conflict', 'The conversation has changed since you read it', { current: await view(tx, viewer, thread, person) });
        }
        const now = clock.now();
        const transition = statusTransition(thread, input, now);
        if (transition.events.length === 0) {
          return view(tx, viewer, thread, person);
        }
        const updated = await repo.updateThread(tx, thread.id, { ...transition.set, updatedAt: now });
        await repo.appendStatusLog(tx, thread, transition.events, authorOf(principal), now);
        // Only "awaiting NAV" changed: NAV's own backlog, which the citizen does not hear of.
        const navOnly = transition.set.awaitingCitizenSince === undefined;
        await publishLive(tx, thread.personId, { kind: 'thread.changed', audience: navOnly ? 'NAV' : 'ALL', actorSide: 'NAV', payload: { threadId: thread.id } }, now);
        return view(tx, viewer, updated, person);
      });
    },
  };
}

export type ThreadService = ReturnType<typeof createThreadService>;
