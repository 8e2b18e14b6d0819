import type { TestApp } from './test-app.ts';
import { CITIZENS } from '#server/dev/personas.ts';

/**
 * A small plan with one activity in each state a write route needs, made through the API, and
 * for every write route a request that the route accepts. Tests that send bad or unauthorised
 * requests start from these, so that the one thing they break is what is refused.
 */
export interface PlanFixture {
  kari: { personId: string; periodId: string; nationalId: string };
  /** A citizen without a current period (an advisor may start one). */
  nora: { personId: string };
  goalVersion: number;
  activities: {
    /** A job application kari made: editable, status and application status can change. */
    jobApplication: Ref;
    /** Made by the advisor, not yet agreed, ending well beyond the advance-notice limit. */
    toAgree: Ref;
    /** Agreed with a standard advance notice that kari has not yet confirmed. */
    agreed: Ref;
    /** A conversation summary, not yet shared. */
    summary: Ref;
  };
  /** The dialog: a thread kari started, and an escalation warning in force (with its own thread). */
  dialog: { thread: Ref; warningId: string };
}

interface Ref {
  id: string;
  version: number;
}

export const KARI_NATIONAL_ID = CITIZENS.find((c) => c.key === 'kari')!.nationalId;

const day = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

function expectStatus(what: string, reply: { status: number; body: unknown }, status: number): void {
  if (reply.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

/** A valid body for creating each activity type, with the persona allowed to create it. */
export function activityBodies(now: Date): Array<{ as: 'kari' | 'vera'; body: Record<string, unknown> }> {
  const from = day(now, 1);
  const to = day(now, 60);
  return [
    { as: 'kari', body: { type: 'JOB_APPLICATION', title: 'Bakery assistant', fromDate: from, toDate: to, employer: 'Bakeriet AS', link: 'https://example.test/job' } },
    { as: 'kari', body: { type: 'CURRENT_JOB', title: 'Shop assistant', fromDate: from, workingHours: 'PART_TIME', employer: 'Butikken' } },
    { as: 'kari', body: { type: 'SELF_DIRECTED', title: 'Learn bread baking', fromDate: from, toDate: to, purpose: 'Skills', status: 'SUGGESTED' } },
    { as: 'kari', body: { type: 'MEDICAL_TREATMENT', treatmentType: 'Physiotherapy', treatmentPlace: 'Clinic', fromDate: from, toDate: to } },
    { as: 'vera', body: { type: 'JOB_SEARCH_AGREEMENT', fromDate: from, toDate: to, applicationCount: 4, countPer: 'WEEK' } },
    {
      as: 'vera',
      body: { type: 'MEETING', title: 'Follow-up', startsAt: `${day(now, 7)}T09:30:00+01:00`, durationMinutes: 30, channel: 'PHONE', place: 'Phone', agenda: 'Plan' },
    },
    { as: 'vera', body: { type: 'CONVERSATION_SUMMARY', title: 'Talk', fromDate: day(now, 0), channel: 'PHONE', summary: 'We talked', share: false } },
  ];
}

/** The editable fields of each type, as a full replacement naming `version`. */
function editBodies(now: Date, version: number): Array<{ as: 'kari' | 'vera'; body: Record<string, unknown> }> {
  return activityBodies(now).map(({ as, body }) => {
    const { status: _status, summary: _summary, share: _share, ...fields } = body;
    return { as, body: { ...fields, version } };
  });
}

export async function createPlanFixture(app: TestApp): Promise<PlanFixture> {
  const { personId, periodId } = await app.startPeriod('kari');
  const kari = await app.as('kari');
  const vera = await app.as('vera');
  const now = app.clock.now();

  const goal = await vera.put(`/api/persons/${personId}/goal`, { version: 0, text: 'Work in a bakery' });
  expectStatus('goal', goal, 200);

  const jobApplication = await kari.post(`/api/persons/${personId}/activities`, activityBodies(now)[0]!.body);
  expectStatus('job application', jobApplication, 201);
  const selfDirected = { type: 'SELF_DIRECTED', title: 'Food hygiene course', fromDate: day(now, 0), toDate: day(now, 60) };
  const toAgree = await vera.post(`/api/persons/${personId}/activities`, selfDirected);
  expectStatus('activity to agree', toAgree, 201);
  const agreedDraft = await vera.post(`/api/persons/${personId}/activities`, selfDirected);
  expectStatus('activity to be agreed', agreedDraft, 201);
  const agreed = await vera.put(`/api/activities/${agreedDraft.body.id}/agreement`, { version: agreedDraft.body.version, advanceNotice: { type: 'STANDARD' } });
  expectStatus('agreement', agreed, 200);
  const summary = await vera.post(`/api/persons/${personId}/activities`, activityBodies(now)[6]!.body);
  expectStatus('conversation summary', summary, 201);

  const thread = await kari.post(`/api/persons/${personId}/threads`, { subject: 'My course', text: 'When does it start?' });
  expectStatus('thread', thread, 201);
  const warning = await vera.post(`/api/persons/${personId}/escalation-warnings`, { reason: 'Missed meetings', subject: 'Warning', text: 'Your benefits may stop.' });
  expectStatus('escalation warning', warning, 201);

  return {
    kari: { personId, periodId, nationalId: KARI_NATIONAL_ID },
    nora: { personId: await app.personId('nora') },
    goalVersion: goal.body.version,
    activities: {
      jobApplication: { id: jobApplication.body.id, version: jobApplication.body.version },
      toAgree: { id: toAgree.body.id, version: toAgree.body.version },
      agreed: { id: agreed.body.id, version: agreed.body.version },
      summary: { id: summary.body.id, version: summary.body.version },
    },
    dialog: { thread: { id: thread.body.thread.id, version: thread.body.thread.version }, warningId: warning.body.id },
  };
}

export interface RouteRequest {
  /** Path parameters, by name, of real things the route can act on. */
  params: Record<string, string>;
  /** Accepted requests: who sends which body (none for routes without a body). */
  variants: Array<{ as: string; body?: unknown }>;
}

/**
 * For every write route (keyed as in the OpenAPI document, `POST /api/persons/{personId}/periods`),
 * requests that the route would accept. A new write route must be added here: the bad-input test
 * fails for a route without one.
 */
export function writeRequests(f: PlanFixture, now: Date): Record<string, RouteRequest> {
  const person = { personId: f.kari.personId };
  const a = f.activities;
  return {
    'POST /api/session/keepalive': { params: {}, variants: [{ as: 'kari' }] },
    'POST /api/persons/lookup': { params: {}, variants: [{ as: 'vera', body: { nationalId: f.kari.nationalId } }] },
    'POST /api/persons/search': { params: {}, variants: [{ as: 'vera', body: { query: 'Kari' } }, { as: 'vera', body: { query: f.kari.nationalId } }] },
    'PUT /api/me/language': { params: {}, variants: [{ as: 'kari', body: { language: 'nn' } }, { as: 'vera', body: { language: 'en' } }] },
    'PUT /api/persons/{personId}/follow-up-mode': { params: person, variants: [{ as: 'vera', body: { manual: true, reason: 'Prefers to meet in person' } }] },
    // Vera is in the advisor directory once she has called GET /api/me.
    'PUT /api/persons/{personId}/assignment': { params: person, variants: [{ as: 'vera', body: { advisorIdent: 'Z990001' } }] },
    'POST /api/persons/{personId}/kvp-periods': { params: person, variants: [{ as: 'vera', body: { reason: 'Starts the qualification programme' } }] },
    // The fixture opens no KVP period (it would stop the period from ending): an id of none, answered 404 once the body is valid.
    'POST /api/persons/{personId}/kvp-periods/{kvpPeriodId}/end': {
      params: { personId: f.kari.personId, kvpPeriodId: '00000000-0000-4000-8000-00000000a0a0' },
      variants: [{ as: 'vera', body: { reason: 'Finished the programme' } }],
    },
    'POST /api/persons/{personId}/periods': { params: { personId: f.nora.personId }, variants: [{ as: 'vera' }] },
    'POST /api/persons/{personId}/periods/{periodId}/end': { params: { personId: f.kari.personId, periodId: f.kari.periodId }, variants: [{ as: 'vera' }] },
    'PUT /api/persons/{personId}/goal': {
      params: person,
      variants: [
        { as: 'kari', body: { version: f.goalVersion, text: 'Work in a bakery by summer' } },
        { as: 'vera', body: { version: f.goalVersion, text: 'Bakery' } },
      ],
    },
    'POST /api/persons/{personId}/goal/read': { params: person, variants: [{ as: 'kari', body: { version: f.goalVersion } }] },
    'POST /api/persons/{personId}/activities': { params: person, variants: activityBodies(now) },
    'PUT /api/activities/{activityId}': { params: { activityId: a.jobApplication.id }, variants: editBodies(now, a.jobApplication.version) },
    'PUT /api/activities/{activityId}/end-date': {
      params: { activityId: a.agreed.id },
      variants: [{ as: 'vera', body: { version: a.agreed.version, toDate: day(now, 90) } }],
    },
    'PUT /api/activities/{activityId}/status': {
      params: { activityId: a.jobApplication.id },
      variants: [
        { as: 'kari', body: { version: a.jobApplication.version, status: 'IN_PROGRESS' } },
        { as: 'kari', body: { version: a.jobApplication.version, status: 'CANCELLED', closingReason: 'Found another job' } },
      ],
    },
    'PUT /api/activities/{activityId}/application-status': {
      params: { activityId: a.jobApplication.id },
      variants: [{ as: 'kari', body: { version: a.jobApplication.version, applicationStatus: 'APPLIED' } }],
    },
    'PUT /api/activities/{activityId}/agreement': {
      params: { activityId: a.toAgree.id },
      variants: [
        { as: 'vera', body: { version: a.toAgree.version, advanceNotice: { type: 'STANDARD' } } },
        { as: 'vera', body: { version: a.toAgree.version, advanceNotice: { type: 'AAP_11_9', text: 'You must take part.' } } },
      ],
    },
    'POST /api/activities/{activityId}/advance-notice/confirmation': {
      params: { activityId: a.agreed.id },
      variants: [{ as: 'kari', body: { version: a.agreed.version } }],
    },
    'PUT /api/activities/{activityId}/summary': {
      params: { activityId: a.summary.id },
      variants: [{ as: 'vera', body: { version: a.summary.version, summary: 'We agreed on two applications a week', share: true } }],
    },
    'POST /api/activities/{activityId}/read': {
      params: { activityId: a.jobApplication.id },
      variants: [
        { as: 'kari', body: { version: a.jobApplication.version } },
        { as: 'vera', body: { version: a.jobApplication.version } },
      ],
    },
    ...dialogRequests(f),
    'POST /api/workspace/persons': {
      params: {},
      variants: [
        { as: 'vera', body: { scope: 'OFFICE', officeId: '0219', filters: ['UNREAD_MESSAGES', 'NEW'], search: 'Kari', sort: 'LAST_CITIZEN_ACTION', order: 'DESC', page: 1, pageSize: 20 } },
        { as: 'vera', body: { scope: 'MINE' } },
      ],
    },
    'PUT /api/offices/{officeId}/settings': { params: { officeId: '0219' }, variants: [{ as: 'vera', body: { passiveAfterDays: 45 } }] },
  };
}

/** The dialog's write routes (tests/integration/dialog-*.test.ts test what they do). */
function dialogRequests(f: PlanFixture): Record<string, RouteRequest> {
  const person = { personId: f.kari.personId };
  const thread = { threadId: f.dialog.thread.id };
  return {
    'POST /api/persons/{personId}/threads': {
      params: person,
      variants: [
        { as: 'kari', body: { subject: 'About my plan', text: 'A question' } },
        { as: 'vera', body: { subject: 'Your CV', text: 'Please update it.', awaitingCitizen: true } },
        { as: 'kari', body: { text: 'About this application', activityId: f.activities.jobApplication.id } },
      ],
    },
    'POST /api/threads/{threadId}/messages': { params: thread, variants: [{ as: 'kari', body: { text: 'And one more thing' } }, { as: 'vera', body: { text: 'Answer' } }] },
    'POST /api/threads/{threadId}/read': { params: thread, variants: [{ as: 'vera' }] },
    'PUT /api/threads/{threadId}/status': {
      params: thread,
      variants: [{ as: 'vera', body: { version: f.dialog.thread.version, awaitingNav: false, awaitingCitizen: true } }],
    },
    'PUT /api/persons/{personId}/drafts': {
      params: person,
      variants: [
        { as: 'kari', body: { threadId: f.dialog.thread.id, text: 'Half an answer' } },
        { as: 'vera', body: { subject: 'New', text: 'Half a message' } },
        { as: 'kari', body: { activityId: f.activities.jobApplication.id, text: 'About this' } },
      ],
    },
    'POST /api/persons/{personId}/escalation-warnings': {
      params: { personId: f.nora.personId },
      variants: [{ as: 'vera', body: { reason: 'Missed meetings', subject: 'Warning', text: 'Your benefits may stop.' } }],
    },
    'POST /api/escalation-warnings/{warningId}/stop': {
      params: { warningId: f.dialog.warningId },
      variants: [{ as: 'vera', body: { reason: 'Attended', closingMessage: 'The warning is withdrawn.' } }],
    },
  };
}

/** The write routes that have accepted requests above, known before any fixture exists. */
export const WRITE_ROUTES: readonly string[] = (() => {
  const none = '00000000-0000-4000-8000-000000000000';
  const ref = { id: none, version: 1 };
  const placeholder: PlanFixture = {
    kari: { personId: none, periodId: none, nationalId: KARI_NATIONAL_ID },
    nora: { personId: none },
    goalVersion: 1,
    activities: { jobApplication: ref, toAgree: ref, agreed: ref, summary: ref },
    dialog: { thread: ref, warningId: none },
  };
  return Object.keys(writeRequests(placeholder, new Date(0)));
})();

/** Fills `{name}` in an OpenAPI path. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new Error(`no value for {${name}} in ${template}`);
    }
    return encodeURIComponent(value);
  });
}
