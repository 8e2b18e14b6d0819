import { translate } from '#common/i18n/catalogue.ts';

/**
 * SQL that generates the activities of activity slot `k` (1..MAX_SLOTS) for every bench person with
 * at least k activities, and then every version of them. Values are functions of (person n, slot k)
 * through hashint8, so runs look alike; versions are derived from the activity rows alone, so that
 * version `version` of each activity equals the activity row and versions 1..version all exist.
 * Slots are loaded one after another, so a person's activities lie far apart on disk, as activities
 * created over months do in a real database.
 */
export const MAX_SLOTS = 19;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const pick = (values: (string | null)[], hash: string) =>
  `(array[${values.map((v) => (v === null ? 'null' : lit(v))).join(',')}]::text[])[1 + (${hash}) % ${values.length}]`;

const JOBS = ['Butikkmedarbeider', 'Lagermedarbeider', 'Sykepleier', 'Kokk', 'Sjåfør', 'Renholder', 'Kundeservicemedarbeider', 'Barnehageassistent', 'Elektriker', 'Regnskapsmedarbeider', 'Helsefagarbeider', 'Servitør', 'Tømrer', 'Vekter', 'Resepsjonist', 'IT-konsulent'];
const EMPLOYERS = ['Rema 1000', 'Coop Extra', 'Posten Norge', 'Oslo universitetssykehus', 'Bakeriet AS', 'Securitas', 'ISS Facility Services', 'Kiwi', 'Bergen kommune', 'Elkjøp', 'Norlandia barnehager', 'Schibsted', 'Veidekke', 'Widerøe', 'Scandic Hotels', 'Tine'];
const PLACES = ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Drammen', 'Fredrikstad', 'Kristiansand', 'Tromsø', 'Bodø', 'Hamar', 'Sandnes', 'Ålesund'];
const PEOPLE = ['Kari Hansen', 'Per Olsen', 'Ingrid Berg', 'Ahmed Ali', 'Marit Dahl', 'Jon Moen', null];
const DESCRIPTIONS = [
  'Fant stillingen på arbeidsplassen.nav.no og sendte søknad med CV.',
  'Ringte arbeidsgiver først for å høre mer om stillingen, og sendte så søknaden.',
  'Jeg vil prøve meg i en ny bransje og har fått tips om denne stillingen fra en venn. Søknaden er sendt, og jeg venter på svar innen to uker.',
  'Kurs i kundeservice over seks uker, to dager i uken, med praksis i butikk de siste to ukene.',
  'Oppfølging hos fastlegen hver fjortende dag, og fysioterapi en gang i uken.',
  'Skal skrive ferdig CV-en og få den lest av veilederen før neste møte.',
  'Deltar på jobbklubb hos NAV-kontoret tirsdager og torsdager.',
  'Søke minst fire stillinger i måneden innen butikk, lager og kundeservice, og logge søknadene i planen.',
];
const SELF = ['Skrive CV', 'Lage en jobbsøkerprofil', 'Delta på jobbmesse', 'Norskkurs', 'Førerkort klasse B', 'Kurs i Excel', 'Trene tre dager i uken', 'Ta kontakt med tidligere arbeidsgivere'];
const TREATMENTS = ['Fysioterapi', 'Samtaleterapi', 'Opptrening etter operasjon', 'Rehabilitering', 'Psykomotorisk fysioterapi'];
const MEETINGS = ['Oppfølgingssamtale', 'Møte om jobbsøking', 'Samtale om kurs', 'Trepartsmøte med arbeidsgiver', 'Statusmøte'];
const SUMMARIES = [
  'Vi snakket om jobbsøkingen. Du har sendt fem søknader og har et intervju neste uke. Vi avtalte å se på CV-en sammen.',
  'Du ønsker kurs i kundeservice. Vi ble enige om at du melder deg på kurset som starter i neste måned.',
  'Vi gikk gjennom helsesituasjonen din og ble enige om å vente med arbeidsrettede tiltak til etter behandlingen.',
];
const CLOSING = ['Fikk jobb et annet sted', 'Tiltaket passet ikke likevel', 'Møtet ble flyttet', 'Fullført som avtalt', 'Sykdom'];
const EXTERNAL = ['ARBEIDSTRENING', 'MIDLERTIDIG_LONNSTILSKUDD', 'MENTOR', 'ARENA_TILTAK', 'JOBBK', 'GRUPPEAMO'];

const STANDARD_TEXT = translate('nb', 'advanceNotice.standardText');
/**
 * A version-4 UUID from two 64-bit values: ten times cheaper than gen_random_uuid(), which reads
 * the kernel's random source for every row. Activity ids lead with (slot, person), so they ascend
 * roughly in the order rows are written, like time-ordered ids.
 */
export const uuidOf = (a: string, b: string) =>
  `encode(int8send((${a} & ~61440::bigint) | 16384) || int8send((${b} & 4611686018427387903) | (-9223372036854775807 - 1)), 'hex')::uuid`;
const iso = (ts: string) => `to_char((${ts}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The advisor of a person (derivable from the activity row, so versions need no staging). */
const advisorOf = (personId: string) => `'Z' || (100000 + abs(hashtext(${personId}::text)) % 997 * 7)::text`;

/**
 * One row per activity of slot k with the attributes its versions derive from. Each level is an
 * optimisation fence (offset 0), so every value is computed once per row rather than inlined into
 * every expression that uses it.
 */
function core(slot: number): string {
  const h = (salt: number) => `abs(hashint8(p.n::bigint * 64 + ${slot} + ${salt}::bigint * 1000000000000))`;
  return `
  select t.*, (t.agreed and t.type <> 'EXTERNAL') as agreed_later, t.base + (t.agreed and t.type <> 'EXTERNAL')::int as nver,
         t.started_at + interval '${slot * 9} days' + (t.h3 % 86400) * interval '1 second' as "createdAt", ${advisorOf('t."personId"')} as advisor
    from (
      select s.*,
             case when s.status = 'SUGGESTED' then 'SUGGESTED' when s.type in ('MEETING', 'EXTERNAL') then 'PLANNED'
                  when s.type = 'CONVERSATION_SUMMARY' then 'IN_PROGRESS' when s.h2 % 7 = 0 then 'SUGGESTED' else 'PLANNED' end as s0,
             s.type <> 'CONVERSATION_SUMMARY' and s.status <> 'SUGGESTED' and (s.type = 'EXTERNAL' or (s.h2 / 10) % 10 < 3) as agreed,
             greatest(case s.status when 'SUGGESTED' then 1 when 'PLANNED' then 1 + s.h2 % 2 when 'IN_PROGRESS' then 2 + s.h2 % 3
                                    when 'COMPLETED' then 3 + s.h2 % 3 else 2 + s.h2 % 3 end,
                      case when s.status = 'PLANNED' and s.h2 % 7 = 0 and s.type not in ('MEETING', 'EXTERNAL') then 2 else 1 end) as base
        from (
          select y.*,
                 case when y.type = 'CONVERSATION_SUMMARY' then case when y.sb < 40 then 'IN_PROGRESS' else 'COMPLETED' end
                      when y.type = 'MEETING' then case when y.sb < 35 then 'PLANNED' when y.sb < 90 then 'COMPLETED' else 'CANCELLED' end
                      when y.type = 'EXTERNAL' then case when y.sb < 20 then 'PLANNED' when y.sb < 70 then 'IN_PROGRESS' else 'COMPLETED' end
                      else case when y.sb < 6 then 'SUGGESTED' when y.sb < 30 then 'PLANNED' when y.sb < 55 then 'IN_PROGRESS'
                                when y.sb < 90 then 'COMPLETED' else 'CANCELLED' end end as status,
                 case when y.type in ('MEETING', 'CONVERSATION_SUMMARY', 'JOB_SEARCH_AGREEMENT') then 'ADVISOR' when y.type = 'EXTERNAL' then 'SYSTEM'
                      when y.h3 % 3 = 0 then 'ADVISOR' else 'CITIZEN' end as "createdByRole"
            from (
              select x.*, (x.h1 / 100) % 100 as sb,
                     case when x.h1 % 100 < 40 then 'JOB_APPLICATION' when x.h1 % 100 < 55 then 'SELF_DIRECTED' when x.h1 % 100 < 62 then 'CURRENT_JOB'
                          when x.h1 % 100 < 67 then 'MEDICAL_TREATMENT' when x.h1 % 100 < 75 then 'JOB_SEARCH_AGREEMENT' when x.h1 % 100 < 87 then 'MEETING'
                          when x.h1 % 100 < 92 then 'CONVERSATION_SUMMARY' else 'EXTERNAL' end as type
                from (select ${uuidOf(`(${slot}::bigint << 56) | (p.n::bigint << 32) | (hashint8extended(p.n::bigint * 64 + ${slot}, 11) & 4294967295)`, `hashint8extended(p.n::bigint * 64 + ${slot}, 12)`)} as id, p.person_id as "personId", p.period_id as "periodId", p.started_at, ${h(0)} as h1, ${h(1)} as h2, ${h(2)} as h3
                        from bench_person p where p.acts >= ${slot} offset 0) x offset 0
            ) y offset 0
        ) s offset 0
    ) t offset 0`;
}

/**
 * The details of activity `a`, as the service writes them for each type. All but meetings and
 * conversation summaries depend only on the type and two hashes, so they come from a table of
 * variants (bench_details), built once by this same expression: jsonb_build_object is the most
 * expensive part of generating an activity.
 */
function detailsOf(a: string): string {
  const startsAt = `case when ${a}.status = 'PLANNED' then date_trunc('hour', now()) + (${a}.h2 % 30) * interval '1 day' else date_trunc('hour', ${a}."createdAt") + interval '7 days' end`;
  const duration = `(array[30, 45, 60, 90])[1 + ${a}.h3 % 4]`;
  const summaryShared = `(${a}.status = 'COMPLETED' or ${a}.h3 % 2 = 0)`;
  return `
    case ${a}.type
      when 'JOB_APPLICATION' then jsonb_build_object('employer', ${pick(EMPLOYERS, `${a}.h2`)}, 'contactPerson', ${pick(PEOPLE, `${a}.h3 / 5`)}, 'workplace', ${pick(PLACES, `${a}.h3 / 7`)})
      when 'CURRENT_JOB' then jsonb_build_object('workingHours', case when ${a}.h3 % 2 = 0 then 'FULL_TIME' else 'PART_TIME' end, 'employer', ${pick(EMPLOYERS, `${a}.h3`)}, 'employmentType', ${pick(['Fast', 'Midlertidig', 'Vikariat'], `${a}.h2`)})
      when 'SELF_DIRECTED' then jsonb_build_object('purpose', 'Komme nærmere arbeid', 'checklist', case when ${a}.h3 % 2 = 0 then 'Skrive utkast; be om tilbakemelding' end)
      when 'MEDICAL_TREATMENT' then jsonb_build_object('treatmentType', ${pick(TREATMENTS, `${a}.h3`)}, 'treatmentPlace', ${pick(PLACES, `${a}.h2`)} || ' helsehus', 'expectedEffect', 'Bedre funksjon i hverdagen', 'navFollowUp', null)
      when 'JOB_SEARCH_AGREEMENT' then jsonb_build_object('applicationCount', 2 + ${a}.h3 % 10, 'countPer', case when ${a}.h3 % 3 = 0 then 'WEEK' else 'MONTH' end, 'navFollowUp', 'Vi går gjennom søknadene på neste møte.')
      when 'MEETING' then jsonb_build_object('startsAt', ${iso(startsAt)}, 'endsAt', ${iso(`${startsAt} + ${duration} * interval '1 minute'`)}, 'durationMinutes', ${duration},
           'channel', ${pick(['IN_PERSON', 'PHONE', 'VIDEO'], `${a}.h2`)}, 'place', 'NAV-kontoret', 'preparations', 'Ta gjerne med CV-en din.',
           'summary', case when ${a}.status = 'COMPLETED' then ${pick(SUMMARIES, `${a}.h3`)} end, 'summaryShared', ${a}.status = 'COMPLETED')
      when 'CONVERSATION_SUMMARY' then jsonb_build_object('channel', ${pick(['IN_PERSON', 'PHONE', 'VIDEO'], `${a}.h2`)}, 'summary', ${pick(SUMMARIES, `${a}.h3`)}, 'summaryShared', ${summaryShared})
      else jsonb_build_object('subtype', ${pick(EXTERNAL, `${a}.h2`)}, 'task', null,
           'actions', jsonb_build_array(jsonb_build_object('url', 'https://example.test/avtale', 'text', 'Se avtalen', 'subtext', null, 'linkType', 'SHARED')),
           'facts', jsonb_build_array(jsonb_build_object('label', 'Arbeidsgiver', 'value', ${pick(EMPLOYERS, `${a}.h3`)}), jsonb_build_object('label', 'Stillingsprosent', 'value', '50 %')),
           'labels', jsonb_build_array(jsonb_build_object('text', 'Gjennomføres', 'sentiment', 'POSITIVE', 'code', null)))
    end`;
}

/** Variants of the details that depend on type and hashes only (see detailsOf). */
export const DETAILS_VARIANTS = 97;

export function createDetailsVariants(): string {
  return `create table bench_details as
    select v.type, v.variant, ${detailsOf('v')} as details
      from (select t.type, g.variant, g.variant as h2, g.variant * 31 + 7 as h3, 'PLANNED' as status, now() as "createdAt"
              from unnest(array['JOB_APPLICATION', 'CURRENT_JOB', 'SELF_DIRECTED', 'MEDICAL_TREATMENT', 'JOB_SEARCH_AGREEMENT', 'EXTERNAL']) t(type),
                   generate_series(0, ${DETAILS_VARIANTS - 1}) g(variant)) v;
    create unique index on bench_details (type, variant); analyze bench_details`;
}

/** The content columns (the same in every version) and the final closing reason and notice, from core() row `a`. */
function content(): string {
  // A planned meeting starts within 30 days from this hour today: one in 30 falls on today (the workspace's "meetings today").
  const from = `a."createdAt"::date`;
  const startsAt = `case when a.status = 'PLANNED' then date_trunc('hour', now()) + (a.h2 % 30) * interval '1 day' else date_trunc('hour', a."createdAt") + interval '7 days' end`;
  const description = `case when a.h2 % 2 = 0 then null else ${pick(DESCRIPTIONS, 'a.h3 / 3')} end`;
  const agreedAt = `a."createdAt" + interval '2 days 3 hours'`;
  const none = `a.h3 % 5 <> 0`;
  const reasonNeeded = `a.type <> 'EXTERNAL' and ((a.status = 'CANCELLED' and (a.agreed or a.type = 'MEETING'))
                          or (a.status = 'COMPLETED' and a.agreed and a.type not in ('MEETING', 'CONVERSATION_SUMMARY')))`;
  return `
    case a.type when 'JOB_APPLICATION' then ${pick(JOBS, 'a.h3')} when 'CURRENT_JOB' then ${pick(JOBS, 'a.h2')} when 'SELF_DIRECTED' then ${pick(SELF, 'a.h3')}
                when 'MEETING' then ${pick(MEETINGS, 'a.h3')} when 'CONVERSATION_SUMMARY' then 'Telefonsamtale' when 'EXTERNAL' then 'Arbeidstrening hos ' || ${pick(EMPLOYERS, 'a.h3')} end as title,
    case a.type when 'MEETING' then 'Vi snakker om jobbsøkingen og veien videre.' when 'CONVERSATION_SUMMARY' then null else ${description} end as description,
    case when a.type = 'MEETING' then (${startsAt})::date else ${from} end as "fromDate",
    case when a.type = 'CONVERSATION_SUMMARY' then null when a.type = 'MEETING' then (${startsAt})::date
         when a.type in ('JOB_APPLICATION', 'CURRENT_JOB') and a.h3 % 3 = 0 then null else ${from} + (14 + a.h2 % 80)::int end as "toDate",
    case when a.type = 'JOB_APPLICATION' then 'https://arbeidsplassen.nav.no/stillinger/stilling/' || ${uuidOf('hashint8extended(a.h1::bigint << 31 | a.h2, 21)', 'hashint8extended(a.h3::bigint << 31 | a.h1, 22)')}
         when a.type = 'SELF_DIRECTED' and a.h3 % 4 = 0 then 'https://www.nav.no/jobbsoker' end as link,
    coalesce(d.details, ${detailsOf("a")}) as details,
    case when a.type = 'JOB_APPLICATION' then (array[null, 'APPLIED', 'INTERVIEW', 'REJECTED', 'JOB_OFFER'])[1 + a.h2 % 5] end as "applicationStatus",
    case when a.s0 = 'SUGGESTED' then a."createdByRole" end as "proposedBy",
    case when ${reasonNeeded} then ${pick(CLOSING, 'a.h2 / 3')} end as "closingReason",
    case when a.agreed_later then jsonb_build_object(
      'type', case when ${none} then 'NONE' else 'STANDARD' end, 'legalBasis', case when ${none} then null else 'ACTIVITY_DUTY' end,
      'text', case when ${none} then null else ${lit(STANDARD_TEXT)} end, 'language', case when ${none} then null else 'nb' end,
      'channel', case when ${none} then null else 'DIGITAL' end, 'createdAt', ${iso(agreedAt)}, 'createdByIdent', a.advisor,
      'notifiedAt', case when ${none} then null else ${iso(`${agreedAt} + interval '1 minute'`)} end,
      'readAt', case when a.h3 % 10 = 5 then ${iso(`${agreedAt} + interval '1 day'`)} end) end as "advanceNotice"`;
}

/** The status of version `v` of activity `a` (core() or activity with the derived columns of fromActivity). */
function statusAt(v: string): string {
  return `case when ${v} = a.nver then a.status when ${v} = 1 then a.s0 when a.agreed_later and ${v} = 2 then a.s0
               when a.status in ('COMPLETED', 'CANCELLED') then case when a.type = 'MEETING' then 'PLANNED' else 'IN_PROGRESS' end else a.status end`;
}

/** Who changed what, when, in version `v`: the latest version is the activity row itself. */
function versioned(v: string): string {
  const role = `case when ${v} = 1 then a."createdByRole" when a.agreed_later and ${v} = 2 then 'ADVISOR' when a.type = 'EXTERNAL' then 'SYSTEM'
                     when a.type in ('MEETING', 'CONVERSATION_SUMMARY', 'JOB_SEARCH_AGREEMENT') then 'ADVISOR'
                     when (get_byte(uuid_send(a.id), 15) + ${v}) % 2 = 0 then 'CITIZEN' else 'ADVISOR' end`;
  return `
    a.agreed and (a.type = 'EXTERNAL' or ${v} >= 2) as "agreedWithNav",
    case when ${v} = 1 then 'CREATED' when a.agreed_later and ${v} = 2 then 'AGREED'
         when (${statusAt(v)}) <> (${statusAt(`${v} - 1`)}) then 'STATUS_CHANGED'
         when a.type in ('MEETING', 'CONVERSATION_SUMMARY') then 'SUMMARY_SAVED' else 'DETAILS_CHANGED' end as "changeKind",
    a."createdAt" + (${v} - 1) * interval '2 days 3 hours' as "changedAt",
    ${role} as "changedByRole",
    case ${role} when 'ADVISOR' then a.advisor when 'SYSTEM' then 'arena' end as "changedByIdent"`;
}

const CONTENT_COLUMNS = `title, description, "fromDate", "toDate", link, details, "applicationStatus", "proposedBy", "closingReason", "advanceNotice"`;
const VERSION_COLUMNS = `"agreedWithNav", "changeKind", "changedAt", "changedByRole", "changedByIdent"`;

/** Each side has read most activities up to their latest version; some changes are unread. */
const READ_VERSIONS = `case when (a.h1 / 10000) % 10 < 7 then a.nver - ((a.h1 / 100000) % 10 = 0)::int else 0 end,
    a.nver - ((a.h3 / 1000) % 10 >= 8)::int`;

function insertActivities(slot: number): string {
  return `insert into activity (id, "personId", "periodId", type, status, ${CONTENT_COLUMNS}, ${VERSION_COLUMNS}, version, "createdAt", "createdByRole",
            "citizenReadVersion", "navReadVersion")
    select a.id, a."personId", a."periodId", a.type, a.status, ${content()}, ${versioned('a.nver')}, a.nver, a."createdAt", a."createdByRole",
           ${READ_VERSIONS}
      from (${core(slot)}) a
      left join bench_details d on d.type = a.type and d.variant = a.h3 % ${DETAILS_VARIANTS}
    returning *`;
}

/** Activity rows (from `source`) with what their versions derive from: the same values core() had. */
const derived = (source: string) => `(
  select a.*, a.version as nver, a."agreedWithNav" and a.type <> 'EXTERNAL' as agreed_later, a."agreedWithNav" as agreed,
         case when a."proposedBy" is not null then 'SUGGESTED' when a.type = 'CONVERSATION_SUMMARY' then 'IN_PROGRESS' else 'PLANNED' end as s0,
         ${advisorOf('a."personId"')} as advisor
    from ${source} a) a`;

/** Every version of the activities in `source`. */
function insertVersions(source: string): string {
  return `insert into activity_version ("activityId", version, "personId", "periodId", type, status, ${CONTENT_COLUMNS}, ${VERSION_COLUMNS}, "kvpOfficeId")
    select a.id, v.v, a."personId", a."periodId", a.type, ${statusAt('v.v')}, a.title, a.description, a."fromDate", a."toDate", a.link, a.details,
           a."applicationStatus", a."proposedBy", case when v.v = a.nver then a."closingReason" end,
           case when a.agreed_later and v.v >= 2 then a."advanceNotice" end, ${versioned('v.v')}, a."kvpOfficeId"
      from ${derived(source)} cross join lateral generate_series(1, a.nver) v(v)`;
}

/** The advance notice's own history: one version per activity agreed with a notice. */
function insertNoticeVersions(source: string): string {
  return `insert into advance_notice_version ("activityId", version, type, "legalBasis", text, "language", channel, "notifiedAt", "readAt",
            "readActivityVersion", "createdAt", "createdByIdent", "changedAt", "changedByRole")
    select a.id, 1, n->>'type', n->>'legalBasis', n->>'text', n->>'language', n->>'channel', (n->>'notifiedAt')::timestamptz,
           (n->>'readAt')::timestamptz, case when n->>'readAt' is not null then a.version end, (n->>'createdAt')::timestamptz, n->>'createdByIdent',
           coalesce((n->>'readAt')::timestamptz, (n->>'createdAt')::timestamptz), case when n->>'readAt' is not null then 'CITIZEN' else 'ADVISOR' end
      from ${source} a cross join lateral (select a."advanceNotice" as n) x
     where a."advanceNotice" is not null`;
}

/**
 * One statement per slot: its activities, and from the rows just inserted (RETURNING) all their
 * versions and advance notices, so each activity gets exactly its versions whichever page it landed on.
 */
export function insertSlot(slot: number): string {
  return `with a as (${insertActivities(slot)}),
    versions as (${insertVersions('a')}),
    notices as (${insertNoticeVersions('a')})
    select count(*) from a`;
}
