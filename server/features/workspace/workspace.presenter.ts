import type { OfficeSettings, WorkspacePerson } from '#common/schemas/workspace.ts';
import type { OfficeSettingRow, WorkspaceRow } from './workspace.repository.ts';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** One person of the workspace list: who they are and what needs attention, nothing more. */
export function presentWorkspacePerson(row: WorkspaceRow): WorkspacePerson {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    nationalId: row.nationalId,
    officeId: row.officeId,
    assignedAdvisor: row.assignedAdvisorIdent === null ? null : { ident: row.assignedAdvisorIdent, name: row.assignedAdvisorName },
    periodStartedAt: iso(row.periodStartedAt),
    lastCitizenActionAt: iso(row.lastCitizenActionAt),
    manualFollowUp: row.manualFollowUp,
    attention: {
      unreadMessages: row.unreadMessages,
      awaitingNav: row.awaitingNav,
      pastEndDate: row.pastEndDate,
      unreadAdvanceNotices: row.unreadAdvanceNotices,
      meetingsToday: row.meetingsToday,
      new: row.new,
      goingPassive: row.goingPassive,
    },
  };
}

/** The office's setting, or the default while it has none (then nobody has changed it). */
export function presentOfficeSettings(officeId: string, officeName: string | null, setting: OfficeSettingRow | undefined, defaultPassiveAfterDays: number): OfficeSettings {
  return {
    officeId,
    officeName,
    passiveAfterDays: setting?.passiveAfterDays ?? defaultPassiveAfterDays,
    updatedAt: setting ? iso(setting.updatedAt) : null,
    updatedBy: setting ? (setting.updatedByName ?? setting.updatedByIdent) : null,
  };
}
