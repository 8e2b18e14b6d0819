import type { AppDeps } from './deps.ts';
import { createAccessLogService, createAuditService, type AccessLogService, type AuditService } from './features/audit/audit.service.ts';
import { createActivityService, type ActivityService } from './features/activity/activity.service.ts';
import { createAgreementService, type AgreementService } from './features/activity/agreement.service.ts';
import { createDialogService, type DialogService } from './features/dialog/dialog.service.ts';
import { createFollowUpService, type FollowUpService } from './features/follow-up/follow-up.service.ts';
import { createPeriodService, type PeriodService } from './features/period/period.service.ts';
import { createPersonService, type PersonService } from './features/person/person.service.ts';
import { createPlanService, type PlanService } from './features/plan/plan.service.ts';
import { createWorkspaceService, type WorkspaceService } from './features/workspace/workspace.service.ts';

/** Every feature service, constructed once per app from its dependencies. */
export interface Services {
  persons: PersonService;
  periods: PeriodService;
  plans: PlanService;
  activities: ActivityService;
  agreements: AgreementService;
  dialog: DialogService;
  audit: AuditService;
  accessLog: AccessLogService;
  followUp: FollowUpService;
  workspace: WorkspaceService;
}

export function createServices(deps: AppDeps): Services {
  const { db } = deps.database;
  const audit = createAuditService({ clock: deps.clock });
  const persons = createPersonService({ db, clock: deps.clock, personRegister: deps.personRegister, contactRegister: deps.contactRegister, audit });
  const base = { db, clock: deps.clock, persons };
  const dialog = createDialogService(base);
  return {
    persons,
    periods: createPeriodService({ ...base, onPeriodEnded: dialog.onPeriodEnded }),
    plans: createPlanService(base),
    activities: createActivityService(base),
    agreements: createAgreementService(base),
    dialog,
    audit,
    accessLog: createAccessLogService({ db, persons }),
    followUp: createFollowUpService(base),
    workspace: createWorkspaceService({ db, clock: deps.clock, audit, officeName: persons.officeName }),
  };
}
