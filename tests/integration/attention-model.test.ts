import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { ManualClock } from '#server/clock.ts';
import type { DbOrTx } from '#server/db/database.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * The workspace's read model (`person_attention`) is kept by triggers that take short cuts: a new
 * activity adds its own facts instead of counting all again, a status change that cannot change a
 * fact counts nothing, a refresh writes only what differs (migration 0011). Whatever sequence of
 * writes the citizen and the advisor make, the rows must equal a rebuild from scratch
 * (`refresh_all_person_attention()`, run in a transaction that is rolled back).
 */
let app: TestApp;
let advisor: Client;
const citizens: Record<string, Client> = {};
const people: Record<string, string> = {};
const activities: Array<{ id: string; owner: string }> = [];
const threads: Array<{ id: string; owner: string }> = [];

class RolledBack extends Error {}

type Row = Record<string, unknown>;
const rowsOf = async (db: DbOrTx) =>
  (await sql<{ row: Row }>`select to_jsonb(pa) as row from person_attention pa order by "personId"`.execute(db)).rows.map((r) => r.row);

async function modelAndRebuild(): Promise<{ model: Row[]; rebuilt: Row[] }> {
  const db = app.testDb.database.db;
  const model = await rowsOf(db);
  let rebuilt: Row[] = [];
  await db
    .transaction()
    .execute(async (tx) => {
      await sql`select refresh_all_person_attention()`.execute(tx);
      rebuilt = await rowsOf(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) {
        throw error;
      }
    });
  return { model, rebuilt };
}

const owners = ['kari', 'stine'] as const;
const statuses = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;

/** One write by the citizen or the advisor; a refusal (4xx) is a valid outcome, a 5xx is not. */
type Step =
  | { kind: 'create'; owner: string; byAdvisor: boolean; endInDays: number | null; meeting: boolean }
  | { kind: 'status'; pick: number; status: (typeof statuses)[number]; byAdvisor: boolean }
  | { kind: 'endDate'; pick: number; endInDays: number }
  | { kind: 'agree'; pick: number }
  | { kind: 'confirm'; pick: number }
  | { kind: 'message'; owner: string }
  | { kind: 'readThread'; pick: number }
  | { kind: 'producer'; pick: number; status: (typeof statuses)[number]; moveOther: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), owner: fc.constantFrom(...owners), byAdvisor: fc.boolean(), endInDays: fc.option(fc.integer({ min: 0, max: 40 })), meeting: fc.boolean() }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...statuses), byAdvisor: fc.boolean() }),
  fc.record({ kind: fc.constant('endDate' as const), pick: fc.nat(), endInDays: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('agree' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('message' as const), owner: fc.constantFrom(...owners) }),
  fc.record({ kind: fc.constant('readThread' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('producer' as const), pick: fc.nat(), status: fc.constantFrom(...statuses), moveOther: fc.boolean() }),
);

async function current(id: string) {
  return (await advisor.get(`/api/activities/${id}`)).body.activity as { version: number; advanceNotice: unknown };
}

async function run(s: Step): Promise<number> {
  const today = osloDate(app.clock.now());
  const picked = <T>(list: T[], pick: number) => list[pick % list.length];
  switch (s.kind) {
    case 'create': {
      const who = s.byAdvisor ? advisor : citizens[s.owner]!;
      const body =
        s.meeting && s.byAdvisor
          ? { type: 'MEETING', title: 'Meeting', startsAt: `${addDays(today, 1)}T09:00:00+01:00`, durationMinutes: 30, channel: 'PHONE', place: 'Phone', agenda: 'Plan' }
          : { type: 'SELF_DIRECTED', title: 'Step', fromDate: today, ...(s.endInDays === null ? {} : { toDate: addDays(today, s.endInDays) }) };
      const reply = await who.post(`/api/persons/${people[s.owner]}/activities`, body);
      if (reply.status === 201) {
        activities.push({ id: reply.body.id, owner: s.owner });
      }
      return reply.status;
    }
    case 'status': {
      const a = picked(activities, s.pick);
      if (!a) {return 0;}
      const final = s.status === 'COMPLETED' || s.status === 'CANCELLED';
      const who = s.byAdvisor ? advisor : citizens[a.owner]!;
      return (await who.put(`/api/activities/${a.id}/status`, { version: (await current(a.id)).version, status: s.status, ...(final ? { closingReason: 'Done' } : {}) })).status;
    }
    case 'endDate': {
      const a = picked(activities, s.pick);
      if (!a) {return 0;}
      return (await advisor.put(`/api/activities/${a.id}/end-date`, { version: (await current(a.id)).version, toDate: addDays(today, s.endInDays) })).status;
    }
    case 'agree': {
      const a = picked(activities, s.pick);
      if (!a) {return 0;}
      return (await advisor.put(`/api/activities/${a.id}/agreement`, { version: (await current(a.id)).version, advanceNotice: { type: 'STANDARD' } })).status;
    }
    case 'confirm': {
      const a = picked(activities, s.pick);
      if (!a) {return 0;}
      return (await citizens[a.owner]!.post(`/api/activities/${a.id}/advance-notice/confirmation`, { version: (await current(a.id)).version })).status;
    }
    case 'message': {
      const reply = await citizens[s.owner]!.post(`/api/persons/${people[s.owner]}/threads`, { subject: 'Question', text: 'Hello' });
      if (reply.status === 201) {
        threads.push({ id: reply.body.thread.id, owner: s.owner });
      }
      return reply.status;
    }
    case 'readThread': {
      const t = picked(threads, s.pick);
      if (!t) {return 0;}
      return (await advisor.post(`/api/threads/${t.id}/read`)).status;
    }
    case 'producer': {
      // What no route writes today but a producer of agreed activities would: an activity born agreed,
      // with an unread advance notice, in any status; with `moveOther`, in the same transaction as a
      // change to another activity of the person (its refresh at commit already counts the new one).
      const a = picked(activities, s.pick);
      if (!a) {return 0;}
      await app.testDb.database.db.transaction().execute(async (tx) => {
        if (s.moveOther) {
          await sql`update activity set "toDate" = coalesce("toDate", ${today}::date) + 1 where id = ${a.id}`.execute(tx);
        }
        await sql`
          insert into activity ("personId", "periodId", type, status, title, description, "fromDate", "toDate", link, details, "applicationStatus",
                                "agreedWithNav", "proposedBy", "closingReason", "advanceNotice", "kvpOfficeId", version, "changeKind",
                                "createdAt", "createdByRole", "changedAt", "changedByRole", "changedByIdent")
          select "personId", "periodId", type, ${s.status}, title, description, "fromDate", coalesce("toDate", ${today}::date), link, details, "applicationStatus",
                 true, "proposedBy", "closingReason", '{"type": "STANDARD"}'::jsonb, "kvpOfficeId", 1, 'CREATED',
                 "createdAt", "createdByRole", "changedAt", "changedByRole", "changedByIdent"
            from activity where id = ${a.id}`.execute(tx);
      });
      return 201;
    }
  }
}

beforeAll(async () => {
  app = await startTestApp({ clock: new ManualClock(new Date('2025-03-10T10:00:00Z')) });
  advisor = await app.as('siri');
  for (const key of owners) {
    people[key] = (await app.startPeriod(key)).personId;
    citizens[key] = await app.as(key);
  }
  // Stine's plan is written during KVP at the advisor's office (Siri, who may see protected persons): her content counts only in the all* facts.
  expect((await advisor.post(`/api/persons/${people.stine}/kvp-periods`, { reason: 'Programme' })).status).toBe(201);
});
afterAll(() => app?.close());

describe('the read model of the workspace', () => {
  it('equals a rebuild from scratch after any sequence of writes by the citizen and the advisor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const s of steps) {
          const status = await run(s);
          expect(status, JSON.stringify(s)).toBeLessThan(500);
        }
        const { model, rebuilt } = await modelAndRebuild();
        expect(model).toEqual(rebuilt);
      }),
      { numRuns: 15, seed: 20261126 },
    );
    // Every way an activity can be born, for both persons, each compared at once.
    for (const [pick, owner] of activities.map((a, i) => [i, a.owner] as const).filter(([, o], i, all) => all.findIndex(([, x]) => x === o) === i)) {
      for (const status of statuses) {
        for (const moveOther of [false, true]) {
          expect(await run({ kind: 'producer', pick, status, moveOther }), owner).toBe(201);
          const { model, rebuilt } = await modelAndRebuild();
          expect(model, `${owner} ${status} ${moveOther}`).toEqual(rebuilt);
        }
      }
    }
    // The sequence did reach the facts the short cuts keep.
    const facts = await modelAndRebuild();
    expect(facts.model).toEqual(facts.rebuilt);
    expect(facts.model.some((r) => (r.allEndDates as unknown[]).length > 0)).toBe(true);
    expect(facts.model.some((r) => Number(r.openUnreadNotices) > 0)).toBe(true);
    expect(facts.model.some((r) => (r.activityKvpOffices as unknown[]).length > 0)).toBe(true);
  });
});
