import { uuidOf } from './seed-activities.ts';

/**
 * SQL that seeds the dialog: every person has one general thread with three messages (citizen,
 * NAV, citizen), and one person in BUSY_EVERY has ten more threads of twenty messages each (203 in
 * all: the thread list the benchmark reads). Message ids are explicit (n·1000 + k) so that each
 * thread can name its last message without reading it back; the sequence is moved past them.
 */
export const BUSY_EVERY = 165;
export const BUSY_THREADS = 10;
export const BUSY_MESSAGES_PER_THREAD = 20;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const pick = (values: string[], hash: string) => `(array[${values.map(lit).join(',')}]::text[])[1 + (${hash}) % ${values.length}]`;

const SUBJECTS = ['Spørsmål om møtet', 'CV og søknader', 'Kurs i kundeservice', 'Sykemeldingen', 'Arbeidstrening', 'Meldekort', 'Jobbsøking'];
const CITIZEN_TEXTS = [
  'Hei! Jeg lurer på om vi kan flytte møtet til neste uke?',
  'Jeg har sendt tre søknader denne uken og lagt dem inn i planen.',
  'Takk for svar. Jeg kommer på kurset på mandag.',
  'Kan du se over CV-en min før jeg sender den til arbeidsgiveren?',
];
const NAV_TEXTS = [
  'Hei, det går fint. Jeg har lagt inn et nytt møte i planen din.',
  'Så bra! Husk å oppdatere søknadsstatus når du får svar.',
  'Jeg har lest CV-en din og har noen forslag. Se kommentarene i aktiviteten.',
  'Du finner mer informasjon om kurset på nav.no. Ta kontakt hvis noe er uklart.',
];
const ident = `'Z' || (100000 + (n % 997) * 7)::text`;
const messageText = (k: string) => `case when ${k} % 2 = 1 then ${pick(CITIZEN_TEXTS, `n + ${k}`)} else ${pick(NAV_TEXTS, `n + ${k}`)} end`;
const sender = (k: string) => `case when ${k} % 2 = 1 then 'CITIZEN' else 'ADVISOR' end`;
const senderIdent = (k: string) => `case when ${k} % 2 = 1 then null else ${ident} end`;
const officeOf = (k: string) => `case when ${k} % 2 = 1 then null else office_id end`;

const generalThread = uuidOf('hashint8extended(n::bigint, 31)', 'hashint8extended(n::bigint, 32)');
const busyThread = uuidOf('hashint8extended(n::bigint * 16 + t, 33)', 'hashint8extended(n::bigint * 16 + t, 34)');
const busyId = (m: string) => `n::bigint * 1000 + 10 + (t - 1) * ${BUSY_MESSAGES_PER_THREAD} + ${m}`;

/** The jobs, in order per table (threads before their messages); they run on parallel connections. */
export function dialogJobs(): string[] {
  return [
    // General threads: the citizen asked, NAV answered, the citizen wrote again; NAV has read it for 3 in 4.
    `insert into thread (id, "personId", "periodId", subject, "createdAt", "createdByRole", "lastMessageAt", "lastMessageId", "messageCount",
                         "awaitingNavSince", "unreadForCitizen", "unreadForNav", "citizenReadMessageId", "citizenReadAt", "navReadMessageId", "navReadAt",
                         version, "updatedAt")
     select ${generalThread}, person_id, period_id, ${pick(SUBJECTS, 'n')}, started_at + interval '1 day', 'CITIZEN', started_at + interval '3 days',
            n::bigint * 1000 + 3, 3, case when n % 4 = 0 then started_at + interval '3 days' end, 0, case when n % 4 = 0 then 1 else 0 end,
            n::bigint * 1000 + 2, started_at + interval '2 days 2 hours', n::bigint * 1000 + case when n % 4 = 0 then 1 else 3 end,
            started_at + interval '3 days 1 hour', 6, started_at + interval '3 days'
       from bench_person order by n`,
    `insert into message (id, "threadId", "personId", "senderRole", "senderIdent", "officeId", text, "sentAt")
     select n::bigint * 1000 + k, ${generalThread}, person_id, ${sender('k')}, ${senderIdent('k')}, ${officeOf('k')}, ${messageText('k')},
            started_at + k * interval '1 day'
       from bench_person cross join generate_series(1, 3) k order by n, k`,
    // Busy persons: ten threads of twenty messages, alternating, NAV's last one unread by the citizen.
    `insert into thread (id, "personId", "periodId", subject, "createdAt", "createdByRole", "lastMessageAt", "lastMessageId", "messageCount",
                         "unreadForCitizen", "unreadForNav", "citizenReadMessageId", "citizenReadAt", "navReadMessageId", "navReadAt", version, "updatedAt")
     select ${busyThread}, person_id, period_id, ${pick(SUBJECTS, 'n + t')}, started_at + t * interval '1 day', 'CITIZEN',
            started_at + t * interval '1 day' + ${BUSY_MESSAGES_PER_THREAD} * interval '1 hour', ${busyId(String(BUSY_MESSAGES_PER_THREAD))},
            ${BUSY_MESSAGES_PER_THREAD}, 1, 0, ${busyId(String(BUSY_MESSAGES_PER_THREAD - 1))}, started_at + t * interval '1 day' + interval '19 hours',
            ${busyId(String(BUSY_MESSAGES_PER_THREAD - 1))}, started_at + t * interval '1 day' + interval '19 hours', ${BUSY_MESSAGES_PER_THREAD * 2},
            started_at + t * interval '1 day' + ${BUSY_MESSAGES_PER_THREAD} * interval '1 hour'
       from bench_person cross join generate_series(1, ${BUSY_THREADS}) t where n % ${BUSY_EVERY} = 0 order by n, t`,
    `insert into message (id, "threadId", "personId", "senderRole", "senderIdent", "officeId", text, "sentAt")
     select ${busyId('m')}, ${busyThread}, person_id, ${sender('m')}, ${senderIdent('m')}, ${officeOf('m')}, ${messageText('m')},
            started_at + t * interval '1 day' + m * interval '1 hour'
       from bench_person cross join generate_series(1, ${BUSY_THREADS}) t cross join generate_series(1, ${BUSY_MESSAGES_PER_THREAD}) m
      where n % ${BUSY_EVERY} = 0 order by n, t, m`,
  ];
}

/** After the load: the status log's first row per thread, and the message sequence past the explicit ids. */
export function dialogFinish(): string[] {
  return [
    `insert into thread_status_log ("threadId", "personId", event, "actorRole", "createdAt")
     select id, "personId", 'CREATED', "createdByRole", "createdAt" from thread`,
    `select setval(pg_get_serial_sequence('message', 'id'), (select max(id) from message))`,
  ];
}
