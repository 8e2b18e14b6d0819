import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { noNul, NO_NUL, optionalText, requiredText, Uuid, Version } from './primitives.ts';

/**
 * The dialog (product.md C2): threads, messages, drafts and the escalation warning. Both the
 * server (validation, OpenAPI) and the web (forms, types) use these shapes.
 */

/** Which side wrote: the citizen, or NAV (an advisor or a system writing for NAV). */
export const DialogSide = z.enum(['CITIZEN', 'NAV']);
export type DialogSide = z.infer<typeof DialogSide>;

/** Why a side cannot send a message now (null when it can). */
export const SendBlockedReason = z.enum([
  'NO_CURRENT_PERIOD',
  'PERIOD_ENDED',
  'MANUAL_FOLLOW_UP',
  'RESERVED',
]);
export type SendBlockedReason = z.infer<typeof SendBlockedReason>;

/**
 * Why the citizen will not be notified right away of a NAV message: the message is accepted and
 * kept, the notification waits and is retried (product.md C2). Shown to NAV only.
 */
export const NotificationHold = z.enum(['OUTDATED', 'REGISTER_DOWN', 'NOT_REGISTERED']);
export type NotificationHold = z.infer<typeof NotificationHold>;

export const NotificationStateSchema = z.object({
  status: z.enum(['PENDING', 'HELD', 'SENT', 'CANCELLED']),
  reason: z.string().nullable(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
});
export type NotificationState = z.infer<typeof NotificationStateSchema>;

export const MessageSchema = z.object({
  /** Opaque; increases with the order messages were sent in. */
  id: z.string(),
  sentAt: z.string(),
  side: DialogSide,
  /** The advisor's NAV-ident, for NAV only; the citizen never learns which advisor wrote. */
  senderIdent: z.string().nullable(),
  /** The NAV office a NAV message was written from (the citizen sees "NAV <office>"). */
  office: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  text: z.string(),
  /** The message of an escalation warning. */
  important: z.boolean(),
  /** Not yet read by the caller's side (always false for the caller's own messages). */
  unread: z.boolean(),
  /** NAV only: whether the citizen has read this message (null for the citizen, and for citizen messages). */
  readByCitizen: z.boolean().nullable(),
});
export type Message = z.infer<typeof MessageSchema>;

export const ThreadSummarySchema = z.object({
  id: z.string(),
  periodId: z.string(),
  activityId: z.string().nullable(),
  subject: z.string(),
  /** A thread holding an escalation warning; `escalationActive` while the warning is in force. */
  escalation: z.boolean(),
  escalationActive: z.boolean(),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  lastMessageSide: DialogSide.nullable(),
  /** The start of the newest message, for the list (at most 120 characters). */
  preview: z.string(),
  messageCount: z.number().int(),
  /** Messages from the other side the caller's side has not read. */
  unreadCount: z.number().int(),
  awaitingCitizen: z.boolean(),
  /** NAV only (null for the citizen: NAV's backlog is not the citizen's business). */
  awaitingNav: z.boolean().nullable(),
  /** False for a thread of an ended period: it can be read, not answered. */
  writable: z.boolean(),
  /** Naming it on a status change; a stale one is 409. */
  version: z.number().int(),
});
export type ThreadSummary = z.infer<typeof ThreadSummarySchema>;

export const ThreadSchema = ThreadSummarySchema.extend({
  messages: z.array(MessageSchema),
  /** NAV only: when the citizen last read the thread (null for the citizen or when never read). */
  citizenReadAt: z.string().nullable(),
  /** NAV only: the notification of the newest NAV message, if any (null for the citizen). */
  notification: NotificationStateSchema.nullable(),
});
export type Thread = z.infer<typeof ThreadSchema>;

export const EscalationWarningSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  startedAt: z.string(),
  /** NAV only: who started it, why, and how it ended. */
  startedByIdent: z.string().nullable(),
  reason: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  stoppedBy: z.enum(['ADVISOR', 'SYSTEM']).nullable(),
  stopReason: z.string().nullable(),
});
export type EscalationWarning = z.infer<typeof EscalationWarningSchema>;

export const ThreadListSchema = z.object({
  personId: z.string(),
  /** The period whose threads these are (the current one unless asked); null when never followed up. */
  periodId: z.string().nullable(),
  threads: z.array(ThreadSummarySchema),
  /** Threads with something the caller's side has not read (the header badge). */
  unreadThreads: z.number().int(),
  /** Whether the caller may send messages now, and if not, why. */
  canSend: z.boolean(),
  sendBlockedReason: SendBlockedReason.nullable(),
  /** NAV only: why the citizen would not be notified right now (null when they would, or for the citizen). */
  notificationHold: NotificationHold.nullable(),
  /** The escalation warning in force, if any. */
  escalation: EscalationWarningSchema.nullable(),
});
export type ThreadList = z.infer<typeof ThreadListSchema>;

export const ThreadListQuerySchema = z.object({ periodId: Uuid.optional() }).strict();

export const UnreadCountSchema = z.object({ unreadThreads: z.number().int() });

const messageText = requiredText(LIMITS.message);

/** A new thread starts with its first message. About an activity, the subject comes from it. */
export const NewThreadSchema = z
  .object({
    subject: optionalText(LIMITS.threadSubject),
    text: messageText,
    activityId: Uuid.nullish().transform((v) => v ?? null),
    /** NAV only: the thread waits for the citizen's answer. */
    awaitingCitizen: z.boolean().optional(),
  })
  .strict();
export type NewThreadInput = z.input<typeof NewThreadSchema>;

export const NewMessageSchema = z.object({ text: messageText }).strict();
export type NewMessageInput = z.infer<typeof NewMessageSchema>;

/** The answer to sending: the thread as it now is, and (NAV only) whether the notification waits. */
export const SentSchema = z.object({
  thread: ThreadSchema,
  messageId: z.string(),
  notificationHold: NotificationHold.nullable(),
});
export type Sent = z.infer<typeof SentSchema>;

/** NAV sets or clears "awaiting NAV" (unticking it = handled) and "awaiting the citizen". */
export const ThreadStatusSchema = z
  .object({
    version: Version,
    awaitingNav: z.boolean().optional(),
    awaitingCitizen: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.awaitingNav !== undefined || v.awaitingCitizen !== undefined, { message: 'name awaitingNav or awaitingCitizen', path: ['awaitingNav'] });
export type ThreadStatusInput = z.infer<typeof ThreadStatusSchema>;

export const DraftSchema = z.object({
  threadId: z.string().nullable(),
  activityId: z.string().nullable(),
  subject: z.string().nullable(),
  text: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;

/**
 * Saves the caller's draft for a thread (threadId), for a first message about an activity
 * (activityId), or for a new general thread (neither). Empty text removes the draft.
 */
export const DraftInputSchema = z
  .object({
    threadId: Uuid.nullish().transform((v) => v ?? null),
    activityId: Uuid.nullish().transform((v) => v ?? null),
    subject: optionalText(LIMITS.threadSubject),
    text: z.string().max(LIMITS.message, { message: `must be at most ${LIMITS.message} characters` }).refine(noNul, NO_NUL),
  })
  .strict()
  .refine((v) => !(v.threadId && v.activityId), { message: 'give threadId or activityId, not both', path: ['activityId'] });
export type DraftInput = z.input<typeof DraftInputSchema>;

export const EscalationStartSchema = z
  .object({
    /** NAV's internal reason (not shown to the citizen). */
    reason: requiredText(LIMITS.escalationReason),
    subject: requiredText(LIMITS.threadSubject),
    text: messageText,
  })
  .strict();
export type EscalationStartInput = z.infer<typeof EscalationStartSchema>;

export const EscalationStopSchema = z
  .object({
    /** Why it stops (kept with the warning, NAV only). */
    reason: requiredText(LIMITS.escalationReason),
    /** An optional closing message to the citizen in the warning's thread. */
    closingMessage: optionalText(LIMITS.message),
  })
  .strict();
export type EscalationStopInput = z.infer<typeof EscalationStopSchema>;

/** What an open page hears on its live stream (`GET /api/persons/{personId}/events`). */
export const LiveEventKind = z.enum([
  'plan.changed',
  'message.sent',
  'thread.changed',
  'thread.read',
  'escalation.changed',
  /** Sent by the server on the stream just before it closes it: the login has ended. */
  'session.ended',
  /** Sent by the server when it cannot tell what was missed (too much, or pruned): read everything again. */
  'resync',
]);
export type LiveEventKind = z.infer<typeof LiveEventKind>;
/** What a change publishes; `session.ended` and `resync` come from the stream itself. */
export type PublishedLiveEventKind = Exclude<LiveEventKind, 'session.ended' | 'resync'>;

export const LiveEventSchema = z.object({
  /** Increasing; a reconnecting client sends the last one it saw as Last-Event-ID. */
  id: z.string(),
  kind: LiveEventKind,
  /** Which side caused it (a page may skip its own changes). */
  actorSide: DialogSide.nullable(),
  /** Ids only (threadId, activityId, …): never text, names or national ids. */
  payload: z.record(z.string(), z.string()),
  at: z.string(),
});
export type LiveEvent = z.infer<typeof LiveEventSchema>;
