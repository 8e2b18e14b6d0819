import type { Activity, ActivityStatus, ActivityType, AdvanceNotice, ApplicationStatus, ChangeKind, ActorRole } from '#common/schemas/activity.ts';
import type { ExternalDetails } from '#common/schemas/external.ts';
import type { Side } from './activity.rules.ts';

/** The columns the presenter needs, whether they come from the activity table or from a JSON plan read. */
export interface ActivityRecord {
  id: string;
  periodId: string;
  type: string;
  status: string;
  title: string | null;
  description: string | null;
  fromDate: string | null;
  toDate: string | null;
  link: string | null;
  details: Record<string, unknown>;
  applicationStatus: string | null;
  agreedWithNav: boolean;
  proposedBy: string | null;
  closingReason: string | null;
  advanceNotice: Record<string, unknown> | null;
  version: number;
  changeKind: string;
  createdAt: Date | string;
  changedAt: Date | string;
  changedByRole: string;
  changedByIdent: string | null;
}

export interface Viewer {
  side: Side;
}

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** Which side made a change of this actor role. */
export function sideOfRole(role: string): Side {
  return role === 'CITIZEN' ? 'CITIZEN' : 'NAV';
}

/** Conversation summaries stay hidden from the citizen until shared. */
export function visibleTo(viewer: Viewer, record: Pick<ActivityRecord, 'type' | 'details'>): boolean {
  return !(viewer.side === 'CITIZEN' && record.type === 'CONVERSATION_SUMMARY' && record.details.summaryShared !== true);
}

/** The citizen sees NAV as the actor, never which advisor. */
export function presentChangedBy(viewer: Viewer, role: string, ident: string | null): { role: ActorRole; ident: string | null } {
  return { role: role as ActorRole, ident: viewer.side === 'NAV' ? ident : null };
}

/** Each side sees its own task and links of a card from another system. */
function presentExternalDetails(viewer: Viewer, details: Record<string, unknown>): Record<string, unknown> {
  const external = details as Partial<ExternalDetails>;
  const hiddenLink = viewer.side === 'CITIZEN' ? 'INTERNAL' : 'EXTERNAL';
  return {
    ...details,
    task: external.task ? (viewer.side === 'CITIZEN' ? { external: external.task.external, internal: null } : { external: null, internal: external.task.internal }) : null,
    actions: (external.actions ?? []).filter((a) => a.linkType !== hiddenLink),
  };
}

function presentDetails(viewer: Viewer, record: ActivityRecord): Record<string, unknown> {
  if (record.type === 'EXTERNAL') {
    return presentExternalDetails(viewer, record.details);
  }
  if (viewer.side === 'CITIZEN' && record.details.summaryShared !== true && 'summary' in record.details) {
    const { summary: _hidden, ...rest } = record.details;
    return rest;
  }
  return record.details;
}

function presentNotice(notice: Record<string, unknown> | null): AdvanceNotice | null {
  if (!notice) {
    return null;
  }
  return {
    type: notice.type as AdvanceNotice['type'],
    legalBasis: (notice.legalBasis as string | null) ?? null,
    text: (notice.text as string | null) ?? null,
    language: (notice.language as string | null) ?? null,
    channel: (notice.channel as string | null) ?? null,
    createdAt: String(notice.createdAt),
    notifiedAt: (notice.notifiedAt as string | null) ?? null,
    readAt: (notice.readAt as string | null) ?? null,
  };
}

/** The only way an activity leaves the server. */
export function presentActivity(viewer: Viewer, record: ActivityRecord, readVersion: number, editable: boolean): Activity {
  return {
    id: record.id,
    periodId: record.periodId,
    type: record.type as ActivityType,
    status: record.status as ActivityStatus,
    title: record.title,
    description: record.description,
    fromDate: record.fromDate,
    toDate: record.toDate,
    link: record.link,
    details: presentDetails(viewer, record),
    applicationStatus: record.applicationStatus as ApplicationStatus | null,
    agreedWithNav: record.agreedWithNav,
    proposedBy: record.proposedBy as ActorRole | null,
    closingReason: record.closingReason,
    advanceNotice: presentNotice(record.advanceNotice),
    version: record.version,
    lastChange: record.changeKind as ChangeKind,
    createdAt: iso(record.createdAt),
    changedAt: iso(record.changedAt),
    changedBy: presentChangedBy(viewer, record.changedByRole, record.changedByIdent),
    unread: sideOfRole(record.changedByRole) !== viewer.side && record.version > readVersion,
    editable,
  };
}
