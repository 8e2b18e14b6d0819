import type { Assignment, FollowUpMode, FollowUpModeEntry, KvpPeriod } from '#common/schemas/follow-up.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { AssignmentRow, KvpRow, ModeRow } from './follow-up.repository.ts';

/** What leaves the server about follow-up: the citizen sees that NAV switched, never which advisor. */
function presentModeEntry(principal: Principal, row: ModeRow): FollowUpModeEntry {
  const side = row.actorRole === 'CITIZEN' ? 'CITIZEN' : 'NAV';
  return {
    manual: row.manual,
    reason: row.reason,
    changedAt: new Date(row.createdAt).toISOString(),
    changedBy: { side, ident: principal.kind === 'advisor' && side === 'NAV' ? row.actorIdent : null },
  };
}

export function presentMode(principal: Principal, rows: ModeRow[], citizenMaySwitchToDigital: boolean): FollowUpMode {
  const history = rows.map((row) => presentModeEntry(principal, row));
  return { manual: history[0]?.manual ?? false, latest: history[0] ?? null, citizenMaySwitchToDigital, history };
}

export function presentAssignment(row: AssignmentRow | undefined): Assignment {
  if (!row?.advisorIdent) {
    return { advisor: null, assignedAt: null };
  }
  return { advisor: { ident: row.advisorIdent, name: row.advisorName }, assignedAt: row.assignedAt ? new Date(row.assignedAt).toISOString() : null };
}

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

export function presentKvp(row: KvpRow): KvpPeriod {
  return {
    id: row.id,
    officeId: row.officeId,
    startedAt: new Date(row.startedAt).toISOString(),
    startedBy: row.startedByIdent,
    startReason: row.startReason,
    endedAt: iso(row.endedAt),
    endedBy: row.endedByIdent,
    endReason: row.endReason,
  };
}
