import { createAssignmentService } from './assignment.service.ts';
import { createFollowUpModeService } from './follow-up-mode.service.ts';
import { createKvpService } from './kvp.service.ts';
import type { FollowUpDeps } from './follow-up.deps.ts';

export type { FollowUpDeps } from './follow-up.deps.ts';

/** Follow-up of a person (product.md C3): digital or manual, who follows them up, KVP periods. */
export function createFollowUpService(deps: FollowUpDeps) {
  return {
    modes: createFollowUpModeService(deps),
    assignments: createAssignmentService(deps),
    kvp: createKvpService(deps),
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
