import { ExternalDetailsSchema } from '#common/schemas/external.ts';
import { addDays, osloDate } from '#common/time.ts';
import type { AdvisorPrincipal, CitizenPrincipal, Principal } from '#server/auth/principal.ts';
import type { Clock } from '#server/clock.ts';
import type { Db } from '#server/db/database.ts';
import * as activityRepo from '#server/features/activity/activity.repository.ts';
import * as personRepo from '#server/features/person/person.repository.ts';
import type { Services } from '#server/services.ts';
import { ADVISORS, CITIZENS, OFFICES, type CitizenPersona } from './personas.ts';

/**
 * Demo data for `npm start`: the personas' plans, written through the same services a person
 * uses (so versions and history are real), once, into an empty database.
 */
const asCitizen = (p: CitizenPersona): CitizenPrincipal => ({ kind: 'citizen', nationalId: p.nationalId, highAssurance: true });

function advisorOf(p: CitizenPersona): AdvisorPrincipal {
  const a = ADVISORS.find((x) => x.offices.includes(p.officeId) && (p.protectedAddress === null || x.rights.length > 0))!;
  return { kind: 'advisor', ident: a.ident, name: a.name, offices: a.offices, rights: a.rights };
}

/**
 * Who follows whom up, so that an advisor's "my people" is not empty on the first visit. Siri and
 * the other citizens stay unassigned (the workspace's "unassigned" filter and the e2e journeys
 * that assign Ola rely on that).
 */
const ASSIGNED: Record<string, string> = { rita: 'vera', ove: 'per' };

export async function seedDemoData(db: Db, services: Services, clock: Clock): Promise<boolean> {
  const existing = await db.selectFrom('person').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return false;
  }
  await personRepo.upsertOffices(db, OFFICES);
  // The advisors as if each had logged in once, so that they can be assigned.
  for (const a of ADVISORS) {
    await personRepo.noteAdvisor(db, a, clock.now());
  }
  const today = osloDate(clock.now());
  for (const persona of CITIZENS) {
    const advisor = advisorOf(persona);
    const person = await services.persons.lookup(advisor, persona.nationalId);
    if (persona.manualFollowUp) {
      await personRepo.appendManualFollowUp(db, {
        personId: person.id,
        manual: true,
        reason: 'Ønsker oppfølging på papir',
        actorRole: 'ADVISOR',
        actorIdent: advisor.ident,
        createdAt: clock.now(),
      });
    }
    // Nora has an earlier, ended period and no current one.
    const period = await services.periods.start(advisor, person.id);
    if (!persona.currentPeriod) {
      await services.periods.end(advisor, person.id, period.id);
      continue;
    }
    const assignee = ADVISORS.find((a) => a.key === ASSIGNED[persona.key]);
    if (assignee) {
      await services.followUp.assignments.assign(advisor, person.id, { advisorIdent: assignee.ident });
    }
    const writer: Principal = persona.manualFollowUp || persona.contact.reserved ? advisor : asCitizen(persona);
    await services.plans.updateGoal(writer, person.id, { version: 0, text: 'Jeg vil jobbe i butikk eller bakeri, helst i nærheten av der jeg bor.' });
    await fillPlan(services, writer, advisor, person.id, today);
    if (persona.key === 'kari') {
      await addExternalCard(db, person.id, period.id, clock, today);
    }
  }
  return true;
}

async function fillPlan(services: Services, writer: Principal, advisor: AdvisorPrincipal, personId: string, today: string): Promise<void> {
  const a = services.activities;
  const job = await a.create(writer, personId, {
    type: 'JOB_APPLICATION',
    title: 'Butikkmedarbeider',
    fromDate: addDays(today, -10),
    toDate: addDays(today, 14),
    employer: 'Nærbutikken AS',
    contactPerson: null,
    workplace: 'Sandvika',
    description: 'Deltidsstilling, 60 %.',
    link: null,
    status: 'PLANNED',
  });
  await a.changeApplicationStatus(writer, job.id, { version: job.version, applicationStatus: 'APPLIED' });
  const course = await a.create(advisor, personId, {
    type: 'SELF_DIRECTED',
    title: 'Kurs i kundeservice',
    fromDate: addDays(today, -3),
    toDate: addDays(today, 30),
    purpose: 'Bli tryggere i møte med kunder',
    description: 'Nettkurs med tre samlinger.',
    checklist: null,
    link: null,
    status: 'PLANNED',
  });
  await services.agreements.agree(advisor, course.id, { version: course.version, advanceNotice: { type: 'NONE', text: null } });
  await a.create(advisor, personId, {
    type: 'JOB_SEARCH_AGREEMENT',
    fromDate: today,
    toDate: addDays(today, 90),
    applicationCount: 3,
    countPer: 'WEEK',
    navFollowUp: 'Vi går gjennom søknadene på neste møte.',
    description: null,
    status: 'SUGGESTED',
  });
  const startsAt = new Date(`${addDays(today, 5)}T09:00:00+01:00`).toISOString();
  await a.create(advisor, personId, {
    type: 'MEETING',
    title: 'Oppfølgingssamtale',
    startsAt,
    durationMinutes: 45,
    channel: 'IN_PERSON',
    place: 'NAV-kontoret, 2. etasje',
    agenda: 'Vi snakker om jobbsøkingen og veien videre.',
    preparations: 'Ta gjerne med CV-en din.',
  });
  await a.create(advisor, personId, {
    type: 'CONVERSATION_SUMMARY',
    title: 'Telefonsamtale om kurs',
    fromDate: addDays(today, -2),
    channel: 'PHONE',
    summary: 'Vi ble enige om at du melder deg på kurset i kundeservice.',
    share: true,
  });
}

/** A card from another system (filled only by demo data until the producers' issue). */
async function addExternalCard(db: Db, personId: string, periodId: string, clock: Clock, today: string): Promise<void> {
  const now = clock.now();
  await activityRepo.insert(db, {
    personId,
    periodId,
    type: 'EXTERNAL',
    status: 'IN_PROGRESS',
    title: 'Arbeidstrening hos Bakeriet AS',
    description: 'Arbeidstrening i produksjon og butikk.',
    fromDate: addDays(today, -20),
    toDate: addDays(today, 70),
    link: null,
    details: ExternalDetailsSchema.parse({
      subtype: 'ARBEIDSTRENING',
      task: {
        external: { text: 'Les og godkjenn avtalen', subtext: 'Avtalen må godkjennes før oppstart', url: 'https://example.test/avtale' },
        internal: { text: 'Gå til avtalen', subtext: null, url: 'https://example.test/intern/avtale' },
      },
      actions: [
        { url: 'https://example.test/avtale', text: 'Se avtalen', subtext: null, linkType: 'SHARED' },
        { url: 'https://example.test/intern/tiltak', text: 'Tiltaksoversikt', subtext: 'For NAV', linkType: 'INTERNAL' },
      ],
      facts: [
        { label: 'Arbeidsgiver', value: 'Bakeriet AS' },
        { label: 'Stillingsprosent', value: '50 %' },
      ],
      labels: [{ text: 'Gjennomføres', sentiment: 'POSITIVE', code: null }],
    }),
    applicationStatus: null,
    agreedWithNav: true,
    proposedBy: null,
    closingReason: null,
    kvpOfficeId: null,
    changeKind: 'CREATED',
    createdAt: now,
    createdByRole: 'SYSTEM',
    changedAt: now,
    changedByRole: 'SYSTEM',
    changedByIdent: 'arbeidstrening-avtale',
  });
}
