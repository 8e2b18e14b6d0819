import type { Draft, EscalationWarning, Message, NotificationState, Thread, ThreadSummary } from '#common/schemas/dialog.ts';
import type { DraftRow } from './draft.repository.ts';
import type { WarningRow } from './escalation.repository.ts';
import { PREVIEW_LENGTH, sideOfRole, type Viewer } from './dialog.rules.ts';
import { readColumns, type MessageRow, type ThreadRow } from './thread.repository.ts';

/**
 * The only way dialog data leaves the server. The citizen never learns which advisor wrote, NAV's
 * own flag ("awaiting NAV"), the read receipt or the notification state; both sides see the office
 * a NAV message was written from.
 */
const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

/** The first characters of a message (whole characters, as the list's SQL cuts them). */
export const previewOf = (text: string): string => Array.from(text.slice(0, 2 * PREVIEW_LENGTH)).slice(0, PREVIEW_LENGTH).join('');

/** What is known about a thread beyond its row. */
export interface ThreadContext {
  /** The thread's period is the person's current one. */
  writable: boolean;
  /** The thread holds the escalation warning in force. */
  escalationActive: boolean;
}

export function presentMessage(viewer: Viewer, thread: ThreadRow, message: MessageRow): Message {
  const side = sideOfRole(message.senderRole);
  const nav = viewer.side === 'NAV';
  return {
    id: String(message.id),
    sentAt: iso(message.sentAt),
    side,
    senderIdent: nav ? message.senderIdent : null,
    office: side === 'NAV' && message.officeId ? { id: message.officeId, name: message.officeName } : null,
    text: message.text,
    important: message.important,
    unread: side !== viewer.side && Number(message.id) > Number(thread[readColumns(viewer.side).readMessageId]),
    readByCitizen: nav && side === 'NAV' ? Number(message.id) <= Number(thread.citizenReadMessageId) : null,
  };
}

export function presentSummary(
  viewer: Viewer,
  thread: ThreadRow,
  last: { preview: string | null; senderRole: string | null },
  context: ThreadContext,
): ThreadSummary {
  const nav = viewer.side === 'NAV';
  return {
    id: thread.id,
    periodId: thread.periodId,
    activityId: thread.activityId,
    subject: thread.subject,
    escalation: thread.escalation,
    escalationActive: context.escalationActive,
    createdAt: iso(thread.createdAt),
    lastMessageAt: iso(thread.lastMessageAt),
    lastMessageSide: last.senderRole === null ? null : sideOfRole(last.senderRole),
    preview: last.preview ?? '',
    messageCount: thread.messageCount,
    unreadCount: thread[readColumns(viewer.side).unread],
    awaitingCitizen: thread.awaitingCitizenSince !== null,
    awaitingNav: nav ? thread.awaitingNavSince !== null : null,
    writable: context.writable,
    version: thread.version,
  };
}

export function presentNotification(row: { status: NotificationState['status']; reason: string | null; dueAt: Date; sentAt: Date | null } | undefined): NotificationState | null {
  return row ? { status: row.status, reason: row.reason, dueAt: iso(row.dueAt), sentAt: isoOrNull(row.sentAt) } : null;
}

export function presentThread(
  viewer: Viewer,
  thread: ThreadRow,
  messages: MessageRow[],
  context: ThreadContext & { notification: NotificationState | null },
): Thread {
  const nav = viewer.side === 'NAV';
  const newest = messages[messages.length - 1];
  return {
    ...presentSummary(viewer, thread, { preview: newest ? previewOf(newest.text) : null, senderRole: newest?.senderRole ?? null }, context),
    messages: messages.map((m) => presentMessage(viewer, thread, m)),
    citizenReadAt: nav ? isoOrNull(thread.citizenReadAt) : null,
    notification: nav ? context.notification : null,
  };
}

export function presentWarning(viewer: Viewer, row: WarningRow): EscalationWarning {
  const nav = viewer.side === 'NAV';
  return {
    id: row.id,
    threadId: row.threadId,
    startedAt: iso(row.startedAt),
    startedByIdent: nav ? row.startedByIdent : null,
    reason: nav ? row.reason : null,
    stoppedAt: nav ? isoOrNull(row.stoppedAt) : null,
    stoppedBy: nav ? row.stoppedByRole : null,
    stopReason: nav ? row.stopReason : null,
  };
}

export function presentDraft(row: DraftRow): Draft {
  return { threadId: row.threadId, activityId: row.activityId, subject: row.subject, text: row.text, updatedAt: iso(row.updatedAt) };
}
