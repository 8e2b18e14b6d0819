import type { Clock } from '#server/clock.ts';
import type { Db } from '#server/db/database.ts';
import type { PersonService } from '#server/features/person/person.service.ts';

/** What the follow-up services need (each service file imports this, not the service that composes them). */
export interface FollowUpDeps {
  db: Db;
  clock: Clock;
  persons: PersonService;
}
