import { AppError, validationError } from '#common/errors.ts';
import type { OfficeSettings, OfficeSettingsInput, WorkspaceQuery, WorkspaceResult } from '#common/schemas/workspace.ts';
import { osloDate } from '#common/time.ts';
import type { AdvisorPrincipal, Principal } from '#server/auth/principal.ts';
import type { Clock } from '#server/clock.ts';
import type { Db } from '#server/db/database.ts';
import type { AuditService } from '#server/features/audit/audit.service.ts';
import { kvpOfficesOf, protectedReach, requireAdvisor } from '#server/policy/access-policy.ts';
import { presentOfficeSettings, presentWorkspacePerson } from './workspace.presenter.ts';
import * as repo from './workspace.repository.ts';

/** After this many days without a change or message from the citizen a person is going passive, unless the office sets another number. */
export const DEFAULT_PASSIVE_AFTER_DAYS = 30;

/** A name search uses at most this many words. */
const MAX_SEARCH_WORDS = 5;

export interface WorkspaceServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  officeName(officeId: string): Promise<string | null>;
}

/**
 * The advisor workspace (product.md C4): "my people" and "my office's people" with what needs
 * attention, and the office's setting for when a person is going passive.
 *
 * Who is listed: persons with a current follow-up period; OFFICE = persons whose office is the
 * given one (which must be one of the advisor's); MINE = persons assigned to the advisor, at any
 * office (narrowed to one of the advisor's offices when `officeId` is given). Protected persons and
 * NAV employees appear only for advisors with the matching right; the others are left out in the
 * database before anything is counted or paged, so they neither show nor count.
 *
 * What needs attention, each a filter (filters combine with AND; the count of each filter is over
 * the scope and search with no filter applied):
 * - UNREAD_MESSAGES: threads of the current period with messages NAV has not read (the number of
 *   such threads); threads made during KVP at an office not the advisor's are not counted.
 * - AWAITING_NAV: a thread of the current period (as above) is awaiting an answer from NAV.
 * - PAST_END_DATE: activities of the current period not completed or cancelled whose end date is
 *   before today (Europe/Oslo, from the app's clock).
 * - UNREAD_ADVANCE_NOTICES: agreed activities, not completed or cancelled, with an advance notice
 *   the citizen has not confirmed reading.
 * - MEETINGS_TODAY: meetings, not cancelled, starting today in Europe/Oslo.
 * - NEW: nobody is assigned, or the assigned advisor has not opened the person since.
 * - GOING_PASSIVE: the citizen's latest change or message (or, when there is none, the period's
 *   start) is more than N days ago; N is the setting of the person's office, 30 by default.
 * - UNASSIGNED: nobody is assigned.
 * Activities made during KVP at another office are not counted either (canSeeKvpContent).
 *
 * Search: eleven digits match a national id exactly; anything else matches persons whose given
 * or family name contains every word. Every list call is one audit record (LIST, or SEARCH when a
 * search is given) with the query, never one per person listed.
 */
export function createWorkspaceService(deps: WorkspaceServiceDeps) {
  const { db, clock } = deps;

  function assertOffice(advisor: AdvisorPrincipal, officeId: string): void {
    if (!advisor.offices.includes(officeId)) {
      throw new AppError('forbidden', 'You do not work at this office');
    }
  }

  function parseSearch(text: string | undefined): repo.WorkspaceSelection['search'] {
    const trimmed = text?.trim() ?? '';
    if (trimmed === '') {
      return null;
    }
    if (/^\d{11}$/.test(trimmed)) {
      return { nationalId: trimmed };
    }
    return { words: trimmed.split(/\s+/).slice(0, MAX_SEARCH_WORDS) };
  }

  return {
    async list(principal: Principal, query: WorkspaceQuery): Promise<WorkspaceResult> {
      const advisor = requireAdvisor(principal, 'lists persons to follow up');
      if (query.scope === 'OFFICE' && query.officeId === undefined) {
        throw validationError('body.officeId', 'is required when scope is OFFICE');
      }
      if (query.officeId !== undefined) {
        assertOffice(advisor, query.officeId);
      }
      const search = parseSearch(query.search);
      const now = clock.now();
      const settingOffice = query.officeId ?? advisor.offices[0] ?? null;
      const selection: repo.WorkspaceSelection = {
        officeId: query.officeId ?? null,
        assignedTo: query.scope === 'MINE' ? advisor.ident : null,
        reach: protectedReach(advisor.rights),
        kvpOffices: kvpOfficesOf(advisor) ?? [],
        search,
        filters: [...new Set(query.filters)],
        sort: query.sort,
        order: query.order,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
        today: osloDate(now),
        now,
        defaultPassiveAfterDays: DEFAULT_PASSIVE_AFTER_DAYS,
      };
      const auditQuery = {
        scope: query.scope,
        officeId: query.officeId ?? null,
        filters: selection.filters,
        search: query.search?.trim() || null,
        sort: query.sort,
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      };
      // The record, the list and the setting are independent: asked side by side, answered together.
      const [, page, passiveAfterDays] = await Promise.all([
        deps.audit.query(db, advisor, search ? 'SEARCH' : 'LIST', 'WORKSPACE', auditQuery, query.officeId ?? null),
        repo.listWorkspace(db, selection),
        settingOffice === null ? Promise.resolve(null) : repo.passiveAfterDaysOf(db, settingOffice),
      ]);
      return {
        persons: page.rows.map(presentWorkspacePerson),
        total: page.total,
        counts: page.counts,
        page: query.page,
        pageSize: query.pageSize,
        passiveAfterDays: passiveAfterDays ?? DEFAULT_PASSIVE_AFTER_DAYS,
      };
    },

    async officeSettings(principal: Principal, officeId: string): Promise<OfficeSettings> {
      assertOffice(requireAdvisor(principal, 'sees office settings'), officeId);
      const [setting, officeName] = await Promise.all([repo.getOfficeSetting(db, officeId), deps.officeName(officeId)]);
      return presentOfficeSettings(officeId, officeName, setting, DEFAULT_PASSIVE_AFTER_DAYS);
    },

    /** Sets when persons at the office count as going passive; audited with the old and the new value. */
    async setOfficeSettings(principal: Principal, officeId: string, input: OfficeSettingsInput): Promise<OfficeSettings> {
      const advisor = requireAdvisor(principal, 'changes office settings');
      assertOffice(advisor, officeId);
      const setting = await db.transaction().execute(async (tx) => {
        const before = await repo.getOfficeSetting(tx, officeId, true);
        await repo.upsertOfficeSetting(tx, { officeId, passiveAfterDays: input.passiveAfterDays, updatedAt: clock.now(), updatedByIdent: advisor.ident });
        await deps.audit.query(tx, advisor, 'SETTING', 'OFFICE_SETTING', { officeId, passiveAfterDays: { from: before?.passiveAfterDays ?? DEFAULT_PASSIVE_AFTER_DAYS, to: input.passiveAfterDays } }, officeId);
        return repo.getOfficeSetting(tx, officeId);
      });
      return presentOfficeSettings(officeId, await deps.officeName(officeId), setting, DEFAULT_PASSIVE_AFTER_DAYS);
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
