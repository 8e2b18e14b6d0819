import type { ExpressionBuilder } from 'kysely';
import type { DbOrTx } from './database.ts';
import type { PersonRecord } from '#server/registers/types.ts';
import type { DB } from './types.ts';

/**
 * A person's state as every access decision and write reads it: the person's columns and the facts
 * that live in their own tables, as subqueries of a query on `person` — the current period (the one
 * not ended), whether the latest row of the digital/manual log says manual, and an open KVP
 * period's office. The person feature's reads, the plan read (which adds the plan to the same
 * statement) and the notification rules all ask them the same way.
 */
export function currentPeriodIdOf(eb: ExpressionBuilder<DB, 'person'>) {
  return eb
    .selectFrom('follow_up_period')
    .select('follow_up_period.id')
    .whereRef('follow_up_period.personId', '=', 'person.id')
    .where('follow_up_period.endedAt', 'is', null)
    .as('currentPeriodId');
}

export function manualFollowUpOf(eb: ExpressionBuilder<DB, 'person'>) {
  return eb
    .selectFrom('manual_follow_up_log')
    .select('manual_follow_up_log.manual')
    .whereRef('manual_follow_up_log.personId', '=', 'person.id')
    .orderBy('manual_follow_up_log.id', 'desc')
    .limit(1)
    .as('manualFollowUp');
}

/** A person's row: the person register's record as last fetched (the snapshot), and the app's own columns. */
export interface PersonRow extends PersonRecord {
  id: string;
  language: 'nb' | 'nn' | 'en';
  registerRefreshedAt: Date;
  assignedAdvisorIdent: string | null;
  assigneeOpenedAt: Date | null;
}

/** A person with the state every access decision and write needs, read in one statement. */
export interface PersonState extends PersonRow {
  currentPeriodId: string | null;
  manualFollowUp: boolean;
  kvpOfficeId: string | null;
}

const PERSON_COLUMNS = [
  'person.id',
  'person.nationalId',
  'person.givenName',
  'person.familyName',
  'person.protectedAddress',
  'person.navEmployee',
  'person.officeId',
  'person.language',
  'person.registerRefreshedAt',
  'person.assignedAdvisorIdent',
  'person.assigneeOpenedAt',
] as const;

/** A person's state: the person's columns, the current period, manual follow-up and an open KVP period's office. */
export function stateQuery(db: DbOrTx) {
  return db
    .selectFrom('person')
    .select(PERSON_COLUMNS)
    .select((eb) => [
      currentPeriodIdOf(eb),
      manualFollowUpOf(eb),
      eb
        .selectFrom('kvp_period')
        .select('kvp_period.officeId')
        .whereRef('kvp_period.personId', '=', 'person.id')
        .where('kvp_period.endedAt', 'is', null)
        .as('kvpOfficeId'),
    ]);
}

export type StateRow = NonNullable<Awaited<ReturnType<ReturnType<typeof stateQuery>['executeTakeFirst']>>>;

export function toState(row: StateRow | undefined): PersonState | undefined {
  if (!row) {
    return undefined;
  }
  return { ...row, manualFollowUp: row.manualFollowUp ?? false, currentPeriodId: row.currentPeriodId ?? null, kvpOfficeId: row.kvpOfficeId ?? null };
}
