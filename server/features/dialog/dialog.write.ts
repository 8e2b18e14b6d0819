import type { DialogSide } from '#common/schemas/dialog.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { Tx } from '#server/db/database.ts';
import type { ThreadStatusEvent } from '#server/db/types.ts';
import type { PersonState } from '#server/features/person/person.service.ts';
import { publishLive } from '#server/live/live.repository.ts';
import { messageTransition, otherSide, type ThreadFlags } from './dialog.rules.ts';
import * as repo from './thread.repository.ts';
import type { ThreadRow } from './thread.repository.ts';

/**
 * The one path by which a message enters a thread, inside the caller's transaction (person and
 * thread locked): the message, the thread's next state, the status log, the outbox event and the
 * live event, all committed together or not at all.
 */
export interface Author {
  side: DialogSide;
  role: 'CITIZEN' | 'ADVISOR' | 'SYSTEM';
  ident: string | null;
}

export function authorOf(principal: Principal): Author {
  switch (principal.kind) {
    case 'citizen':
      return { side: 'CITIZEN', role: 'CITIZEN', ident: null };
    case 'advisor':
      return { side: 'NAV', role: 'ADVISOR', ident: principal.ident };
    default:
      return { side: 'NAV', role: 'SYSTEM', ident: principal.kind === 'system' ? principal.clientId : null };
  }
}

export interface MessageInput {
  text: string;
  important?: boolean;
  /**
   * Whether the message is announced on the outbox as `message.sent` (which the notification
   * worker turns into an e-mail/SMS for NAV messages). False for the escalation warning's own
   * message, which has its own notification (`escalation.started`), and for the warning's closing
   * message, which notifies nobody: for these no `message.sent` event is written at all.
   */
  notify: boolean;
  /** Logged before the message's own events (a new thread: CREATED). */
  eventsBefore?: ThreadStatusEvent[];
  /** Flags set with the message beyond its own rules (a new thread from NAV awaiting the citizen). */
  alsoSet?: Partial<ThreadFlags>;
  eventsAfter?: ThreadStatusEvent[];
  /**
   * False when the caller publishes the live event itself, after its own writes (publishLive
   * holds a per-person lock until commit, so it goes last).
   */
  live?: boolean;
  /** The author's drafts that go with the message (its thread's, a first message's about the activity). */
  drafts?: { author: string; threadKeys: readonly string[] };
}

export interface Appended {
  thread: ThreadRow;
  messageId: number;
}

export async function appendMessage(tx: Tx, person: PersonState, thread: ThreadRow, author: Author, input: MessageInput, now: Date): Promise<Appended> {
  const { side } = author;
  const own = repo.readColumns(side);
  const other = repo.readColumns(otherSide(side));
  // Sending marks the thread read for the sender's side.
  const hadUnread = thread[own.unread] > 0;
  const transition = messageTransition(thread, side, now);
  const ids = { threadId: thread.id, personId: thread.personId };
  return repo.writeMessage(tx, {
    message: {
      threadId: thread.id,
      personId: thread.personId,
      senderRole: author.role,
      senderIdent: author.ident,
      // The citizen sees NAV messages as from the person's office at the time.
      officeId: side === 'NAV' ? person.officeId : null,
      text: input.text,
      important: input.important ?? false,
      kvpOfficeId: person.kvpOfficeId,
      sentAt: now,
    },
    thread: {
      set: {
        ...transition.set,
        ...input.alsoSet,
        lastMessageAt: now,
        messageCount: thread.messageCount + 1,
        [other.unread]: thread[other.unread] + 1,
        [own.unread]: 0,
        ...(hadUnread ? { [own.readAt]: now } : {}),
        updatedAt: now,
      },
      toMessageId: ['lastMessageId', own.readMessageId],
    },
    statusLog: {
      events: [
        ...(input.eventsBefore ?? []),
        ...transition.events,
        ...(input.eventsAfter ?? []),
        ...(hadUnread ? [side === 'CITIZEN' ? ('READ_BY_CITIZEN' as const) : ('READ_BY_NAV' as const)] : []),
      ],
      actor: author,
      at: now,
    },
    outbox: [
      ...(input.notify ? [{ topic: 'message.sent' as const, aggregateId: thread.id, payload: { ...ids, side }, withMessageId: true, at: now }] : []),
      // A citizen answering has read NAV's messages: a notification still waiting for them is moot.
      ...(hadUnread ? [{ topic: 'thread.read' as const, aggregateId: thread.id, payload: { ...ids, side }, withMessageId: false, at: now }] : []),
    ],
    live: input.live === false ? null : { personId: thread.personId, kind: 'message.sent', audience: 'ALL', actorSide: side, payload: { threadId: thread.id }, at: now },
    drafts: input.drafts ?? null,
  });
}

/** Tells open pages of the person that a message arrived (ids only). */
export async function publishMessageSent(tx: Tx, thread: ThreadRow, messageId: number, side: DialogSide, now: Date): Promise<void> {
  await publishLive(tx, thread.personId, { kind: 'message.sent', actorSide: side, payload: { threadId: thread.id, messageId: String(messageId) } }, now);
}

/** A new thread with its first message; about an activity that already has a thread, the message goes there. */
export async function startThread(
  tx: Tx,
  person: PersonState,
  author: Author,
  thread: { subject: string; activityId: string | null; escalation?: boolean; awaitingCitizen?: boolean },
  input: Omit<MessageInput, 'eventsBefore' | 'alsoSet' | 'eventsAfter'>,
  now: Date,
): Promise<Appended & { created: boolean }> {
  const inserted = await repo.insertThread(tx, {
    personId: person.id,
    periodId: person.currentPeriodId!,
    activityId: thread.activityId,
    subject: thread.subject,
    kvpOfficeId: person.kvpOfficeId,
    escalation: thread.escalation ?? false,
    createdAt: now,
    createdByRole: author.role,
    lastMessageAt: now,
    updatedAt: now,
  });
  if (!inserted) {
    // The activity got its thread first (the unique index said so): answer in that thread.
    const existing = await repo.getThreadOfActivityForUpdate(tx, thread.activityId!);
    return { ...(await appendMessage(tx, person, existing!, author, input, now)), created: false };
  }
  const waitForCitizen = author.side === 'NAV' && thread.awaitingCitizen === true;
  const appended = await appendMessage(
    tx,
    person,
    inserted,
    author,
    { ...input, eventsBefore: ['CREATED'], ...(waitForCitizen ? { alsoSet: { awaitingCitizenSince: now }, eventsAfter: ['AWAITING_CITIZEN' as const] } : {}) },
    now,
  );
  return { ...appended, created: true };
}
