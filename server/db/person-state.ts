import { sql, type ExpressionBuilder } from 'kysely';
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

/**
 * The state for a statement that locks the person's row (`.forUpdate()`), with `stateStale`: true
 * when the state it read is older than the row it locked. Under READ COMMITTED a statement that
 * waited for the lock gets the row as the transaction before it left it, while its subqueries read
 * the tables as of the statement's start; every change to the state counts up
 * `person."stateVersion"` (migration 0012), so the locked row and the statement's own view of it
 * differ exactly then. The caller reads the state again, holding the lock.
 */
export function lockingStateQuery(db: DbOrTx) {
  return stateQuery(db).select(sql<boolean>`person."stateVersion" <> (select p."stateVersion" from person p where p.id = person.id)`.as('stateStale'));
}

/** Every field of a state row, for a statement that returns it beside another table's columns. */
export const STATE_FIELDS = [...PERSON_COLUMNS.map((column) => column.slice('person.'.length) as keyof PersonRow), 'currentPeriodId', 'manualFollowUp', 'kvpOfficeId'] as const;
// A field added to the state but not to STATE_FIELDS fails the type check here.
type UnlistedField = Exclude<keyof PersonState, (typeof STATE_FIELDS)[number]>;
const everyFieldListed: [UnlistedField] extends [never] ? true : UnlistedField = true;
void everyFieldListed;

export type StateRow = NonNullable<Awaited<ReturnType<ReturnType<typeof stateQuery>['executeTakeFirst']>>>;

export function toState(row: (StateRow & { stateStale?: boolean }) | undefined): PersonState | undefined {
  if (!row) {
    return undefined;
  }
  const { stateStale: _, ...state } = row;
  return { ...state, manualFollowUp: state.manualFollowUp ?? false, currentPeriodId: state.currentPeriodId ?? null, kvpOfficeId: state.kvpOfficeId ?? null };
}
