import { OFFICES } from '#server/dev/personas.ts';

/**
 * The follow-up facts the advisor workspace lists by (issue 5), seeded with the persons:
 *
 * - nine in ten persons are assigned to "their" advisor (the ident the seed writes activities and
 *   messages by), one in twenty of the big office's persons to the workspace's bench advisor (so
 *   that "my people" has rows), the rest unassigned; one in eight assignees has not opened the person yet;
 * - the citizen's latest change or message (`lastCitizenActionAt`) lies within the last 30 days
 *   for three in four persons and 31–230 days back for the rest (going passive at the default 30
 *   days), and is unknown for one in twenty (the period's start counts then);
 * - every advisor is in `advisor_directory`, with the offices of the persons assigned to them.
 *
 * The triggers that keep `lastCitizenActionAt` (migration 0007), `person_attention` (0009) and
 * `person."stateVersion"` (0012) are off during the bulk load: they would update a row per version,
 * thread, activity, period and log row written; the values are set here instead (the state
 * version stays 0), and the attention facts rebuilt set-based once the keys are back.
 */
export const WORKSPACE_ADVISOR = { ident: 'Z999991', name: 'Bench Kontorveileder', offices: [OFFICES[0]!.id] } as const;

/** The person's own advisor, as the activity and dialog seeds name them. */
const ownAdvisor = `'Z' || (100000 + (n % 997) * 7)::text`;
const hash = (salt: number) => `abs(hashint8(n::bigint + ${salt}000000000000))`;

/** The columns of `person` this file fills, and their values from a bench_person row. */
export const PERSON_WORKSPACE_COLUMNS = `"assignedAdvisorIdent", "assignedAt", "assigneeOpenedAt", "lastCitizenActionAt"`;
export function personWorkspaceValues(): string {
  const assigned = `case when office_id = '${WORKSPACE_ADVISOR.offices[0]}' and n % 20 = 1 then '${WORKSPACE_ADVISOR.ident}' when n % 10 <> 0 then ${ownAdvisor} end`;
  return `${assigned},
    case when n % 10 <> 0 or (office_id = '${WORKSPACE_ADVISOR.offices[0]}' and n % 20 = 1) then started_at + interval '1 day' end,
    case when (n % 10 <> 0 or (office_id = '${WORKSPACE_ADVISOR.offices[0]}' and n % 20 = 1)) and ${hash(11)} % 8 <> 0 then started_at + interval '2 days' end,
    case when ${hash(12)} % 20 = 0 then null
         when ${hash(12)} % 4 = 0 then now() - (31 + ${hash(13)} % 200) * interval '1 day' - (n % 86400) * interval '1 second'
         else now() - (${hash(13)} % 30) * interval '1 day' - (n % 86400) * interval '1 second' end`;
}

const CITIZEN_ACTION_TRIGGERS = [
  ['activity_version', 'activity_version_citizen_action'],
  ['message', 'message_citizen_action'],
  ['goal_version', 'goal_version_citizen_action'],
  // The workspace's attention facts (migration 0009): rebuilt in one statement after the load.
  ['thread', 'thread_attention_insert'],
  ['thread', 'thread_attention_update'],
  ['activity', 'activity_attention_insert'],
  ['activity', 'activity_attention_update'],
  ['follow_up_period', 'follow_up_period_attention'],
  // The person's state version (migration 0012): it starts at 0 for every seeded person.
  ['follow_up_period', 'follow_up_period_state'],
  ['manual_follow_up_log', 'manual_follow_up_log_state'],
] as const;

export function citizenActionTriggers(enable: boolean): string {
  return CITIZEN_ACTION_TRIGGERS.map(([table, trigger]) => `alter table ${table} ${enable ? 'enable' : 'disable'} trigger ${trigger}`).join('; ');
}

/** After the persons: the assignment log (its latest row is what `person` holds) and the advisor directory. */
export function workspaceJobs(): string[] {
  return [
    `insert into advisor_assignment_log ("personId", "advisorIdent", "assignedAt", "actorIdent")
     select id, "assignedAdvisorIdent", "assignedAt", "assignedAdvisorIdent" from person where "assignedAdvisorIdent" is not null order by "assignedAt"`,
    `insert into advisor_directory (ident, name, offices, "seenAt")
     select ident, 'Veileder ' || substr(ident, 2), array_agg(distinct office_id order by office_id), now()
       from (select ${ownAdvisor} as ident, office_id from bench_person) a group by ident
     union all
     select '${WORKSPACE_ADVISOR.ident}', '${WORKSPACE_ADVISOR.name}', array['${WORKSPACE_ADVISOR.offices[0]}'], now()`,
  ];
}
