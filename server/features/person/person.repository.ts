import { sql } from 'kysely';
import { compiledOnce } from '#server/db/compiled-once.ts';
import type { DbOrTx } from '#server/db/database.ts';
import { likePattern } from '#server/db/like.ts';
import { lockingStateQuery, stateQuery, toState, type PersonState } from '#server/db/person-state.ts';
import type { PersonRecord } from '#server/registers/types.ts';

export type { PersonRow, PersonState } from '#server/db/person-state.ts';

const ID = '00000000-0000-0000-0000-00000000c0de';
type StateRead = Parameters<typeof toState>[0] & object;
const stateById = compiledOnce<StateRead>((db) => stateQuery(db).where('person.id', '=', ID));
const lockingStateById = compiledOnce<StateRead>((db) => lockingStateQuery(db).where('person.id', '=', ID).forUpdate());

/** This read precedes every request on a person (compiled once). */
export async function getStateById(db: DbOrTx, id: string): Promise<PersonState | undefined> {
  return toState((await stateById(db, { [ID]: id }))[0]);
}

/**
 * As getStateById, and locks the person for the transaction. When the statement had to wait for
 * the lock behind a change of the state (`stateStale`, see lockingStateQuery), the state is read
 * again: with the lock held, a new statement sees the state as that change left it.
 */
export async function getStateByIdForUpdate(db: DbOrTx, id: string): Promise<PersonState | undefined> {
  const row = (await lockingStateById(db, { [ID]: id }))[0];
  return row?.stateStale ? getStateById(db, id) : toState(row);
}

export async function getStateByNationalId(db: DbOrTx, nationalId: string): Promise<PersonState | undefined> {
  return toState(await stateQuery(db).where('person.nationalId', '=', nationalId).executeTakeFirst());
}

/** Who ended a KVP period that ended because the person moved office, and why (reference B9). */
const KVP_ENDED_BY_SYSTEM = { endedByIdent: 'SYSTEM', endReason: 'OFFICE_CHANGED' } as const;

/**
 * Writes the register's record into the person's snapshot. A person who has moved to another
 * office leaves an open KVP period behind: it ends with the move, in the same statement (as NAV
 * does, reference B9), so that the new office can follow the person up and nobody is left with a
 * period only an office that no longer reaches the person could end.
 */
export async function upsertSnapshot(db: DbOrTx, record: PersonRecord, now: Date): Promise<string> {
  const { nationalId, givenName, familyName, protectedAddress, navEmployee, officeId } = record;
  const snapshot = { givenName, familyName, protectedAddress, navEmployee, officeId, registerRefreshedAt: now };
  const row = await db
    .with('upserted', (q) =>
      q
        .insertInto('person')
        .values({ nationalId, ...snapshot })
        .onConflict((oc) => oc.column('nationalId').doUpdateSet(snapshot))
        .returning(['id', 'officeId']),
    )
    .with('kvp_ended', (q) =>
      q
        .updateTable('kvp_period')
        .from('upserted')
        .set({ endedAt: now, ...KVP_ENDED_BY_SYSTEM })
        .whereRef('kvp_period.personId', '=', 'upserted.id')
        .where('kvp_period.endedAt', 'is', null)
        .whereRef('kvp_period.officeId', '<>', 'upserted.officeId')
        .returning('kvp_period.id'),
    )
    .selectFrom('upserted')
    .select('upserted.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getOfficeName(db: DbOrTx, officeId: string): Promise<string | null> {
  const row = await db.selectFrom('office').select('name').where('id', '=', officeId).executeTakeFirst();
  return row?.name ?? null;
}

/** The names of several offices in one statement (unknown ones are left out). */
export async function getOfficeNames(db: DbOrTx, officeIds: readonly string[]): Promise<Map<string, string | null>> {
  if (officeIds.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('office').select(['id', 'name']).where('id', 'in', [...new Set(officeIds)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function upsertOffices(db: DbOrTx, offices: { id: string; name: string }[]): Promise<void> {
  if (offices.length === 0) {
    return;
  }
  await db
    .insertInto('office')
    .values(offices)
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: sql`excluded.name` }))
    .execute();
}

export async function appendManualFollowUp(
  db: DbOrTx,
  entry: { personId: string; manual: boolean; reason: string | null; actorRole: string; actorIdent: string | null; createdAt: Date },
): Promise<void> {
  await db.insertInto('manual_follow_up_log').values(entry).execute();
}

/**
 * Persons at the given offices whose names contain every word (case-insensitive), by name.
 * Protected persons out of reach are left out here, before the limit, so that they neither take
 * places in the list nor show through as "there are more".
 */
export async function searchByName(
  db: DbOrTx,
  officeIds: string[],
  words: string[],
  reach: { protectedAddresses: Array<'STRICT' | 'CONFIDENTIAL'>; navEmployees: boolean },
  limit: number,
): Promise<PersonState[]> {
  if (officeIds.length === 0 || words.length === 0) {
    return [];
  }
  let query = stateQuery(db).where('person.officeId', 'in', officeIds);
  const allowed = reach.protectedAddresses;
  query = query.where((eb) => (allowed.length > 0 ? eb.or([eb('person.protectedAddress', 'is', null), eb('person.protectedAddress', 'in', allowed)]) : eb('person.protectedAddress', 'is', null)));
  if (!reach.navEmployees) {
    query = query.where('person.navEmployee', '=', false);
  }
  for (const word of words) {
    const pattern = likePattern(word);
    query = query.where((eb) => eb.or([eb('person.givenName', 'ilike', pattern), eb('person.familyName', 'ilike', pattern)]));
  }
  const rows = await query.orderBy('person.familyName').orderBy('person.givenName').orderBy('person.id').limit(limit).execute();
  return rows.map(toState).filter((state): state is PersonState => state !== undefined);
}

/** What a person's summary adds to the state: the reason of the latest digital/manual switch, the assignee's name, the open KVP period's start. */
export interface SummaryFacts {
  latestModeReason: string | null;
  assignedAdvisorName: string | null;
  kvpStartedAt: Date | null;
}

export async function getSummaryFacts(db: DbOrTx, personId: string): Promise<SummaryFacts> {
  const row = await db
    .selectFrom('person')
    .select((eb) => [
      eb
        .selectFrom('manual_follow_up_log')
        .select('manual_follow_up_log.reason')
        .whereRef('manual_follow_up_log.personId', '=', 'person.id')
        .orderBy('manual_follow_up_log.id', 'desc')
        .limit(1)
        .as('latestModeReason'),
      eb.selectFrom('advisor_directory').select('advisor_directory.name').whereRef('advisor_directory.ident', '=', 'person.assignedAdvisorIdent').as('assignedAdvisorName'),
      eb
        .selectFrom('kvp_period')
        .select('kvp_period.startedAt')
        .whereRef('kvp_period.personId', '=', 'person.id')
        .where('kvp_period.endedAt', 'is', null)
        .as('kvpStartedAt'),
    ])
    .where('person.id', '=', personId)
    .executeTakeFirst();
  return { latestModeReason: row?.latestModeReason ?? null, assignedAdvisorName: row?.assignedAdvisorName ?? null, kvpStartedAt: row?.kvpStartedAt ?? null };
}

/**
 * Keeps the directory of advisors the app has seen (for assignments and the citizen's access log).
 * Writes only when the name or offices changed, so that a page load costs no write.
 */
export async function noteAdvisor(db: DbOrTx, advisor: { ident: string; name: string; offices: string[] }, now: Date): Promise<void> {
  await db
    .insertInto('advisor_directory')
    .values({ ident: advisor.ident, name: advisor.name, offices: advisor.offices, seenAt: now })
    .onConflict((oc) =>
      oc
        .column('ident')
        .doUpdateSet({ name: sql`excluded.name`, offices: sql`excluded.offices`, seenAt: sql`excluded."seenAt"` })
        .where(sql<boolean>`advisor_directory.name is distinct from excluded.name or advisor_directory.offices is distinct from excluded.offices`),
    )
    .execute();
}

/** The assigned advisor opened the person for the first time since the assignment ("new" no more). */
export async function markAssigneeOpened(db: DbOrTx, personId: string, ident: string, at: Date): Promise<void> {
  await db
    .updateTable('person')
    .set({ assigneeOpenedAt: at })
    .where('id', '=', personId)
    .where('assignedAdvisorIdent', '=', ident)
    .where('assigneeOpenedAt', 'is', null)
    .execute();
}

export async function setPersonLanguage(db: DbOrTx, personId: string, language: 'nb' | 'nn' | 'en'): Promise<void> {
  await db.updateTable('person').set({ language }).where('id', '=', personId).execute();
}

export async function getAdvisorLanguage(db: DbOrTx, ident: string): Promise<'nb' | 'nn' | 'en' | null> {
  const row = await db.selectFrom('advisor_preference').select('language').where('ident', '=', ident).executeTakeFirst();
  return row?.language ?? null;
}

export async function setAdvisorLanguage(db: DbOrTx, ident: string, language: 'nb' | 'nn' | 'en', now: Date): Promise<void> {
  await db
    .insertInto('advisor_preference')
    .values({ ident, language, updatedAt: now })
    .onConflict((oc) => oc.column('ident').doUpdateSet({ language, updatedAt: now }))
    .execute();
}
