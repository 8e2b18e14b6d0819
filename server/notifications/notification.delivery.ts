import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db, Tx } from '#server/db/database.ts';
import type { WorkerLog } from '#server/outbox/worker.ts';
import { RegisterUnavailableError, type ContactRecord, type ContactRegister } from '#server/registers/types.ts';
import { DeliveryError, type Channels } from './channels.ts';
import * as facts from './facts.repository.ts';
import * as repo from './notification.repository.ts';
import type { DeliveryLogEntry, NotificationRow } from './notification.repository.ts';
import { linkFor, notificationText } from './notification.texts.ts';
import { meetingReminderDue, retryDelayMs, type HoldReason } from './notification.time.ts';

/**
 * Sends the notifications that are due. Each is claimed with `FOR UPDATE SKIP LOCKED` and its
 * outcome — sent, held, cancelled — is written in the same transaction as the claim, while the
 * row stays locked through the send: two workers never send one notification, and a citizen who
 * reads the thread meanwhile waits for the lock and then finds it sent.
 *
 * The one edge: a process that dies after the mail server took the message but before the commit
 * leaves the row due, and it goes out again (at least once, never lost). The contact register is
 * asked before the transaction, so a slow register never holds a lock; on PGlite (one
 * connection) a transaction lasts only as long as the local send.
 */
export interface DeliveryDeps {
  db: Db;
  contactRegister: ContactRegister;
  channels: Channels;
  publicUrl: string;
  log: WorkerLog;
}

/** Most notifications one run looks at; the rest wait for the next tick. */
const BATCH = 100;

type Contact = { kind: 'found'; record: ContactRecord } | { kind: 'none' } | { kind: 'down' };

type Verdict = { cancel: string } | { moveTo: Date } | { hold: HoldReason } | { send: { email: string | null; mobile: string | null } };

async function askRegister(register: ContactRegister, nationalId: string): Promise<Contact> {
  try {
    const record = await register.lookup(nationalId);
    return record ? { kind: 'found', record } : { kind: 'none' };
  } catch (error) {
    if (error instanceof RegisterUnavailableError) {
      return { kind: 'down' };
    }
    throw error;
  }
}

/** The subject's own rules, checked again at send time: the event that should have cancelled may not have been handled yet. */
async function subjectVerdict(tx: Tx, n: NotificationRow, now: Date): Promise<Verdict | null> {
  switch (n.kind) {
    case 'NAV_MESSAGE':
    case 'ESCALATION_WARNING': {
      const thread = await facts.thread(tx, n.subjectId);
      if (!thread) {
        return { cancel: 'GONE' };
      }
      if (thread.unreadForCitizen === 0) {
        return { cancel: 'READ' };
      }
      if (n.kind === 'ESCALATION_WARNING' && !(await facts.escalation(tx, { threadId: n.subjectId }))?.active) {
        return { cancel: 'STOPPED' };
      }
      return null;
    }
    case 'ADVANCE_NOTICE':
    case 'ADVANCE_NOTICE_REMINDER': {
      const activity = await facts.activity(tx, n.subjectId);
      if (!activity || !activity.advanceNoticeType || activity.advanceNoticeType === 'NONE') {
        return { cancel: 'GONE' };
      }
      return activity.advanceNoticeReadAt ? { cancel: 'READ' } : null;
    }
    case 'MEETING_NEW':
    case 'MEETING_CHANGED':
    case 'MEETING_REMINDER': {
      const meeting = await facts.activity(tx, n.subjectId);
      if (!meeting || meeting.status === 'CANCELLED') {
        return { cancel: 'MEETING_CANCELLED' };
      }
      if (!meeting.startsAt || meeting.startsAt <= now || meeting.status === 'COMPLETED') {
        return { cancel: 'MEETING_PASSED' };
      }
      const reminderAt = meetingReminderDue(meeting.startsAt);
      // Moved to a later day since the reminder was planned: wait for the new reminder time.
      return n.kind === 'MEETING_REMINDER' && reminderAt > now ? { moveTo: reminderAt } : null;
    }
    case 'SUMMARY_SHARED':
      return (await facts.activity(tx, n.subjectId)) ? null : { cancel: 'GONE' };
  }
}

async function verdictFor(tx: Tx, n: NotificationRow, person: facts.RecipientFacts | undefined, contact: Contact | null, now: Date): Promise<Verdict> {
  if (!person) {
    return { cancel: 'GONE' };
  }
  if (person.manualFollowUp) {
    return { cancel: 'MANUAL_FOLLOW_UP' };
  }
  if (!person.currentPeriodId || (n.periodId !== null && n.periodId !== person.currentPeriodId)) {
    return { cancel: 'PERIOD_ENDED' };
  }
  const subject = await subjectVerdict(tx, n, now);
  if (subject) {
    return subject;
  }
  if (!contact || contact.kind === 'down') {
    return { hold: 'REGISTER_DOWN' };
  }
  if (contact.kind === 'none') {
    return { hold: 'NOT_REGISTERED' };
  }
  const { record } = contact;
  if (record.reserved) {
    return { cancel: 'RESERVED' };
  }
  if (record.outdated) {
    // Not sent to addresses that may no longer be theirs; goes out once they confirm their details.
    return { hold: 'OUTDATED' };
  }
  if (!record.email && !record.mobile) {
    return { hold: 'NOT_REGISTERED' };
  }
  return { send: { email: record.email, mobile: record.mobile } };
}

export function createDelivery(deps: DeliveryDeps) {
  const { db, log } = deps;

  async function send(n: NotificationRow, person: facts.RecipientFacts, to: { email: string | null; mobile: string | null }): Promise<DeliveryLogEntry[]> {
    const text = notificationText(person.language, n.kind, linkFor(deps.publicUrl, n.kind, n.subjectId));
    const attempts: Array<['EMAIL' | 'SMS', () => Promise<void>]> = [];
    if (to.email) {
      const email = to.email;
      attempts.push(['EMAIL', () => deps.channels.sendEmail({ to: email, subject: text.subject, text: text.body, language: person.language })]);
    }
    if (to.mobile) {
      const mobile = to.mobile;
      attempts.push(['SMS', () => deps.channels.sendSms(mobile, text.sms)]);
    }
    const entries: DeliveryLogEntry[] = [];
    for (const [channel, attempt] of attempts) {
      try {
        await attempt();
        entries.push({ channel, outcome: 'SENT', detail: null });
      } catch (error) {
        entries.push({ channel, outcome: 'FAILED', detail: error instanceof DeliveryError ? error.detail : 'error' });
      }
    }
    return entries;
  }

  async function deliverOne(id: string, personId: string, now: Date): Promise<string | null> {
    const before = await facts.recipient(db, personId);
    const contact = before && !before.manualFollowUp && before.currentPeriodId ? await askRegister(deps.contactRegister, before.nationalId) : null;
    return db.transaction().execute(async (tx) => {
      const n = await repo.claimDue(tx, id, now);
      if (!n) {
        return null; // Another worker has it, or it is no longer due.
      }
      const person = await facts.recipient(tx, personId);
      const verdict = await verdictFor(tx, n, person, contact, now);
      if ('cancel' in verdict) {
        await repo.settle(tx, n.id, { status: 'CANCELLED', reason: verdict.cancel }, now);
        return `cancelled ${verdict.cancel}`;
      }
      if ('moveTo' in verdict) {
        await repo.settle(tx, n.id, { status: 'PENDING', reason: null, dueAt: verdict.moveTo }, now);
        return 'moved';
      }
      const attempts = n.attempts + 1;
      if ('hold' in verdict) {
        const dueAt = new Date(now.getTime() + retryDelayMs(verdict.hold, attempts));
        await repo.settle(tx, n.id, { status: 'HELD', reason: verdict.hold, attempts, dueAt }, now);
        await repo.logDelivery(tx, n.id, [{ channel: null, outcome: 'HELD', detail: verdict.hold }], now);
        return `held ${verdict.hold}`;
      }
      const entries = await send(n, person!, verdict.send);
      await repo.logDelivery(tx, n.id, entries, now);
      const sent = entries.filter((e) => e.outcome === 'SENT').map((e) => e.channel!);
      if (sent.length > 0) {
        // A channel that failed beside one that worked is not retried: that would repeat the other.
        await repo.settle(tx, n.id, { status: 'SENT', reason: null, attempts, sentAt: now, channels: sent }, now);
        return 'sent';
      }
      const dueAt = new Date(now.getTime() + retryDelayMs('DELIVERY_FAILED', attempts));
      await repo.settle(tx, n.id, { status: 'PENDING', reason: 'DELIVERY_FAILED', attempts, dueAt }, now);
      return 'failed';
    });
  }

  return {
    /** One pass over what is due now; a job of the outbox worker. */
    async deliverDue(now: Date): Promise<number> {
      let settled = 0;
      for (const { id, personId } of await repo.listDue(db, now, BATCH)) {
        const outcome = await deliverOne(id, personId, now);
        if (outcome) {
          settled++;
          log.info({ notificationId: id, outcome }, 'notification');
        }
        await nextTurn();
      }
      return settled;
    },
  };
}
