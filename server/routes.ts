import type { FastifyInstance } from 'fastify';
import { activityRoutes } from './features/activity/activity.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { dialogRoutes } from './features/dialog/dialog.routes.ts';
import { followUpRoutes } from './features/follow-up/follow-up.routes.ts';
import { periodRoutes } from './features/period/period.routes.ts';
import { personRoutes } from './features/person/person.routes.ts';
import { planRoutes } from './features/plan/plan.routes.ts';
import { workspaceRoutes } from './features/workspace/workspace.routes.ts';
import type { Services } from './services.ts';

/** Mounts every feature's routes. */
export async function registerFeatureRoutes(app: FastifyInstance, services: Services): Promise<void> {
  personRoutes(app, services.persons);
  periodRoutes(app, services.periods);
  planRoutes(app, services.plans);
  activityRoutes(app, services.activities, services.agreements);
  dialogRoutes(app, services.dialog);
  auditRoutes(app, services.accessLog);
  followUpRoutes(app, services.followUp);
  workspaceRoutes(app, services.workspace);
}
