import type { ExpressionBuilder } from 'kysely';
import type { DB } from './types.ts';

/**
 * The two facts of a person's follow-up state that live in their own tables, as subqueries of a
 * query on `person`: the current period (the one not ended) and whether the latest row of the
 * digital/manual log says manual. The person feature's access read and the notification rules
 * both ask them, the same way.
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
