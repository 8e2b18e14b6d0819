import type { Clock } from '#server/clock.ts';
import type { Db } from '#server/db/database.ts';
import type { PersonService } from '#server/features/person/person.service.ts';
import { createAssignmentService } from './assignment.service.ts';
import { createFollowUpModeService } from './follow-up-mode.service.ts';
import { createKvpService } from './kvp.service.ts';

export interface FollowUpDeps {
  db: Db;
  clock: Clock;
  persons: PersonService;
}

/** Follow-up of a person (product.md C3): digital or manual, who follows them up, KVP periods. */
export function createFollowUpService(deps: FollowUpDeps) {
  return {
    modes: createFollowUpModeService(deps),
    assignments: createAssignmentService(deps),
    kvp: createKvpService(deps),
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
